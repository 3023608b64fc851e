package org.patchwork.customareas;

import java.util.List;
import java.util.Optional;
import org.patchwork.access.AccessPolicy;
import org.patchwork.access.Viewer;
import org.patchwork.layers.CollectionSource;
import org.patchwork.layers.FeatureCollection;
import org.patchwork.layers.ViewItems;
import org.patchwork.web.ApiProblem;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The custom areas as one OGC API collection, so the map and GIS clients draw them: the union of each area's
 * LSOAs (the ground its numbers cover), for signed-in viewers only; anonymous visitors do not see it.
 */
@Component
@Order(5)
class CustomAreaCollections implements CollectionSource {

    static final String ID = "custom-areas";
    private static final FeatureCollection COLLECTION = new FeatureCollection(ID, "Custom areas",
            "The partnership's saved custom areas, each the union of its whole LSOAs (a drawn area takes the LSOAs whose "
                    + "point on surface lies inside the drawing), with its name, LSOA count and population.",
            List.of("code", "name", "source"), null, new ViewItems("feature_custom_area", ViewItems.COLUMNS, false));

    private final AccessPolicy policy;

    CustomAreaCollections(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<FeatureCollection> visible(Viewer viewer) {
        return viewer.isAnonymous() ? List.of() : List.of(COLLECTION);
    }

    @Override
    public Optional<Claim> claim(String id) {
        if (!ID.equals(id)) {
            return Optional.empty();
        }
        return Optional.of(new Claim(null, output -> {
            if (policy.currentViewer().isAnonymous()) {
                throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", "Sign in to see custom areas");
            }
            return COLLECTION;
        }));
    }
}

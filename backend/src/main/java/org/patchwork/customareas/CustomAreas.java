package org.patchwork.customareas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchwork.access.AccessPolicy;
import org.patchwork.access.Role;
import org.patchwork.access.Viewer;
import org.patchwork.web.ApiProblem;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The partnership's custom areas: saved by anyone signed in, seen by everyone signed in (never by anonymous
 * visitors of the public tier), deleted by whoever saved them or an administrator. Saving and deleting are
 * audited. The numbers of a custom area are not here: indicators count its LSOAs through the access decision.
 */
@Service
public class CustomAreas {

    private final CustomAreaStore store;
    private final AccessPolicy policy;
    private final ObjectMapper json;

    CustomAreas(CustomAreaStore store, AccessPolicy policy, ObjectMapper json) {
        this.store = store;
        this.policy = policy;
        this.json = json;
    }

    /** Every custom area, newest first, for a signed-in viewer (anonymous: none). */
    public List<CustomArea> visible(Viewer viewer) {
        return viewer.isAnonymous() ? List.of() : store.all();
    }

    /** The custom area with this code ("custom-12"), if the viewer may see it. */
    public Optional<CustomArea> find(String code, Viewer viewer) {
        if (viewer.isAnonymous() || code == null || !code.startsWith(CustomArea.CODE_PREFIX)) {
            return Optional.empty();
        }
        try {
            return store.find(Long.parseLong(code.substring(CustomArea.CODE_PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    List<CustomArea> list() {
        return visible(requireSignedIn());
    }

    CustomArea one(long id) {
        requireSignedIn();
        return store.find(id).orElseThrow(() -> unknown(id));
    }

    /** Saves the area; a list with codes that are not loaded LSOAs saves nothing and names them all. */
    @Transactional
    CustomArea save(CustomAreaRequest request) {
        Viewer viewer = requireSignedIn();
        List<String> lsoas;
        String geojson = null;
        if (request.geometry() != null) {
            geojson = json.writeValueAsString(request.geometry());
            try {
                lsoas = store.lsoasIn(geojson);
            } catch (DataAccessException e) {
                throw ApiProblem.badRequest("invalid-request", "geometry could not be read as a GeoJSON polygon in longitude/latitude");
            }
            if (lsoas.isEmpty()) {
                throw ApiProblem.badRequest("invalid-request", "the drawn polygon holds the middle of no loaded LSOA; "
                        + "a custom area is made of the LSOAs whose centre (point on surface) lies inside it");
            }
        } else {
            lsoas = request.lsoas();
            List<String> known = store.knownLsoas(lsoas);
            if (known.size() < lsoas.size()) {
                List<String> unknown = new ArrayList<>(lsoas);
                unknown.removeAll(known);
                throw ApiProblem.badRequest("unknown-lsoa-codes", unknown.size() + " of the " + lsoas.size()
                        + " codes are not loaded LSOAs (2011 codes of the partnership area): " + unknown.stream().limit(20).toList()
                        + (unknown.size() > 20 ? " and " + (unknown.size() - 20) + " more" : "") + ". Nothing was saved.")
                        .with("unknownCodes", unknown);
            }
        }
        long id = store.insert(request.name(), request.geometry() != null ? "drawn" : "lsoas", lsoas, geojson, viewer.username(),
                viewer.partnerId());
        policy.audit("custom-area-saved", "custom-areas", "custom area " + id + " (" + lsoas.size() + " LSOAs)");
        return store.find(id).orElseThrow();
    }

    void delete(long id) {
        Viewer viewer = requireSignedIn();
        CustomArea area = store.find(id).orElseThrow(() -> unknown(id));
        if (!area.createdBy().equals(viewer.username()) && viewer.role() != Role.ADMIN) {
            policy.denied("custom-areas", "delete custom area " + id);
            throw new ApiProblem(HttpStatus.FORBIDDEN, "access-denied", "Forbidden",
                    "Only " + area.createdBy() + ", who saved this custom area, or an administrator may delete it");
        }
        store.delete(id);
        policy.audit("custom-area-deleted", "custom-areas", "custom area " + id);
    }

    private Viewer requireSignedIn() {
        Viewer viewer = policy.currentViewer();
        if (viewer.isAnonymous()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", "Sign in to use custom areas");
        }
        return viewer;
    }

    private static ApiProblem unknown(long id) {
        return ApiProblem.notFound("unknown-custom-area", "There is no custom area with id '" + id + "'");
    }
}

package org.patchwork.layers;

import java.util.List;
import java.util.Optional;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.access.Viewer;
import org.patchwork.web.ApiProblem;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.stereotype.Component;

/**
 * The collections a person may see, gathered from every {@link CollectionSource}. A collection of a
 * dataset they may not know about does not exist for them (404, audited); one they may know about but
 * not read at that level is refused by its source (403, audited).
 */
@Component
class CollectionCatalogue {

    private final AccessPolicy policy;
    private final List<CollectionSource> sources;

    CollectionCatalogue(AccessPolicy policy, List<CollectionSource> sources) {
        this.policy = policy;
        this.sources = sources.stream().sorted(AnnotationAwareOrderComparator.INSTANCE).toList();
    }

    List<FeatureCollection> visible() {
        Viewer viewer = policy.currentViewer();
        return sources.stream().flatMap(source -> source.visible(viewer).stream()).toList();
    }

    /** The collection, with access checked for what it serves. */
    FeatureCollection find(String id, String output) {
        for (CollectionSource source : sources) {
            Optional<CollectionSource.Claim> claim = source.claim(id);
            if (claim.isEmpty()) {
                continue;
            }
            Long datasetId = claim.get().datasetId();
            if (datasetId != null && !policy.decide(policy.currentViewer(), datasetId).allows(AccessLevel.METADATA)) {
                policy.denied(datasetId, output, "hidden collection " + id);
                break;
            }
            return claim.get().open().apply(output);
        }
        throw ApiProblem.notFound("unknown-collection", "There is no collection '" + id + "'. Collections: "
                + visible().stream().map(FeatureCollection::id).toList());
    }
}

package org.patchwork.access;

import java.util.List;
import java.util.Map;
import org.patchwork.hotspots.HotspotRunClient;

/**
 * Three hotspot runs for {@link AccessMatrix}, on the planted category and month: a KDE by a Merseyside
 * Police analyst (from the events' locations), top LSOAs by a council analyst (aggregate counts by LSOA),
 * and top LSOAs by a voluntary viewer (public counts). A run may be read only by those who could have made it.
 */
final class HotspotMatrixRuns {

    final long record;
    final long aggregate;
    final long publicTier;

    HotspotMatrixRuns(Partnership partnership, int port, long datasetId, CrimeData.PlantedCell planted) {
        List<String> category = List.of(planted.category());
        record = HotspotRunClient.run(partnership.person("police analyst").client(port), HotspotRunClient.body(datasetId, category,
                planted.month(), planted.month(), "kde", Map.of())).path("id").asLong();
        aggregate = HotspotRunClient.run(partnership.person("council analyst").client(port), HotspotRunClient.body(datasetId, category,
                planted.month(), planted.month(), "top-areas", Map.of())).path("id").asLong();
        publicTier = HotspotRunClient.run(partnership.person("voluntary viewer").client(port), HotspotRunClient.body(datasetId, category,
                planted.month(), planted.month(), "top-areas", Map.of())).path("id").asLong();
    }

    String resolve(String path) {
        return path.replace("{hotspotRecord}", String.valueOf(record)).replace("{hotspotAggregate}", String.valueOf(aggregate))
                .replace("{hotspotPublic}", String.valueOf(publicTier));
    }
}

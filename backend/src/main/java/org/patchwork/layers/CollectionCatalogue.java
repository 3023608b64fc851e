package org.patchwork.layers;

import java.util.ArrayList;
import java.util.List;
import org.patchwork.access.Access;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.access.Viewer;
import org.patchwork.events.EventCounts;
import org.patchwork.events.EventDataset;
import org.patchwork.statistics.StatisticsSlices;
import org.patchwork.web.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The collections a person may see: the boundary sets (open data); for each event dataset they may
 * know, its points (record-level access only) and its counts by every geography their agreement allows;
 * the polygon datasets they have record-level access to; and the area-statistics datasets whose level
 * their agreement allows.
 * A collection of a dataset they may not know about does not exist for them (404).
 */
@Component
class CollectionCatalogue {

    private final AccessPolicy policy;
    private final EventCounts events;
    private final StatisticsSlices statistics;
    private final JdbcClient jdbc;

    CollectionCatalogue(AccessPolicy policy, EventCounts events, StatisticsSlices statistics, JdbcClient jdbc) {
        this.policy = policy;
        this.events = events;
        this.statistics = statistics;
        this.jdbc = jdbc;
    }

    private record PolygonDataset(long id, String slug, String title) {
    }

    private record StatisticsDataset(long id, String slug, String title, String level) {
    }

    /** Area-statistics datasets with a published version, and its level. */
    private List<StatisticsDataset> statisticsDatasets() {
        return jdbc.sql("select d.id, d.slug, d.title, v.area_level as level from dataset d join dataset_version v on v.id = d.current_version_id "
                + "where d.kind = 'area-statistics' order by d.id").query(StatisticsDataset.class).list();
    }

    /** Polygon datasets with a published version. */
    private List<PolygonDataset> polygonDatasets() {
        return jdbc.sql("select id, slug, title from dataset where kind = 'polygons' and current_version_id is not null order by id")
                .query(PolygonDataset.class).list();
    }

    List<FeatureCollection> visible() {
        Viewer viewer = policy.currentViewer();
        List<FeatureCollection> collections = new ArrayList<>(FeatureCollection.BOUNDARY_SETS);
        for (EventDataset dataset : events.datasets()) {
            Access access = policy.decide(viewer, dataset.id());
            if (access.allows(AccessLevel.RECORD)) {
                collections.add(FeatureCollection.events(dataset.id(), dataset.slug(), dataset.title()));
            }
            if (access.allows(AccessLevel.PUBLIC)) {
                AccessPolicy.allowedLevels(access).forEach(level ->
                        collections.add(FeatureCollection.counts(dataset.id(), dataset.slug(), dataset.title(), level)));
            }
        }
        for (PolygonDataset dataset : polygonDatasets()) {
            if (policy.decide(viewer, dataset.id()).allows(AccessLevel.RECORD)) {
                collections.add(FeatureCollection.polygons(dataset.id(), dataset.slug(), dataset.title()));
            }
        }
        for (StatisticsDataset dataset : statisticsDatasets()) {
            Access access = policy.decide(viewer, dataset.id());
            if (access.allows(AccessLevel.RECORD) || access.allows(AccessLevel.PUBLIC) && AccessPolicy.allowedLevels(access).contains(dataset.level())) {
                collections.add(FeatureCollection.statistics(dataset.id(), dataset.slug(), dataset.title(), dataset.level()));
            }
        }
        return collections;
    }

    /**
     * The collection, with access checked for what it serves: a dataset the person may know about but
     * not at this level is 403; anything else they cannot see is 404. Denials are audited.
     */
    FeatureCollection find(String id, String output) {
        for (FeatureCollection boundary : FeatureCollection.BOUNDARY_SETS) {
            if (boundary.id().equals(id)) {
                return boundary;
            }
        }
        for (EventDataset dataset : events.datasets()) {
            boolean named = id.equals(dataset.slug()) || id.startsWith(dataset.slug() + "-by-");
            if (named && !policy.decide(policy.currentViewer(), dataset.id()).allows(AccessLevel.METADATA)) {
                policy.denied(dataset.id(), output, "hidden collection " + id);
                break;   // a dataset they may not know about: its collections do not exist for them
            }
            if (id.equals(dataset.slug())) {
                policy.require(dataset.id(), AccessLevel.RECORD, output);
                return FeatureCollection.events(dataset.id(), dataset.slug(), dataset.title());
            }
            if (id.startsWith(dataset.slug() + "-by-")) {
                String level = id.substring(dataset.slug().length() + "-by-".length());
                Access access = policy.require(dataset.id(), AccessLevel.PUBLIC, output);
                if (AccessPolicy.allowedLevels(access).contains(level)) {
                    return FeatureCollection.counts(dataset.id(), dataset.slug(), dataset.title(), level);
                }
                if (List.of("lsoa", "msoa", "ward", "district").contains(level)) {
                    policy.denied(dataset.id(), output, "geography " + level + " not allowed");
                    throw new ApiProblem(org.springframework.http.HttpStatus.FORBIDDEN, "geography-not-allowed", "Forbidden",
                            "Your agreement allows counts for " + AccessPolicy.allowedLevels(access) + " only");
                }
            }
        }
        for (PolygonDataset dataset : polygonDatasets()) {
            if (id.equals(dataset.slug())) {
                if (!policy.decide(policy.currentViewer(), dataset.id()).allows(AccessLevel.METADATA)) {
                    policy.denied(dataset.id(), output, "hidden collection " + id);
                    break;
                }
                policy.require(dataset.id(), AccessLevel.RECORD, output);
                return FeatureCollection.polygons(dataset.id(), dataset.slug(), dataset.title());
            }
        }
        for (StatisticsDataset dataset : statisticsDatasets()) {
            if (id.equals(dataset.slug())) {
                if (!policy.decide(policy.currentViewer(), dataset.id()).allows(AccessLevel.METADATA)) {
                    policy.denied(dataset.id(), output, "hidden collection " + id);
                    break;
                }
                statistics.require(dataset.id(), dataset.level(), output);
                return FeatureCollection.statistics(dataset.id(), dataset.slug(), dataset.title(), dataset.level());
            }
        }
        throw ApiProblem.notFound("unknown-collection", "There is no collection '" + id + "'. Collections: "
                + visible().stream().map(FeatureCollection::id).toList());
    }
}

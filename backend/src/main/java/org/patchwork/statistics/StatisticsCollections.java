package org.patchwork.statistics;

import java.util.List;
import java.util.Optional;
import org.patchwork.access.Access;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.access.Viewer;
import org.patchwork.layers.CollectionSource;
import org.patchwork.layers.FeatureCollection;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each area-statistics dataset as one collection at the level it was published, for those whose agreement allows that level. */
@Component
@Order(4)
class StatisticsCollections implements CollectionSource {

    private final AccessPolicy policy;
    private final StatisticsSlices slices;
    private final StatisticsPages pages;
    private final JdbcClient jdbc;

    StatisticsCollections(AccessPolicy policy, StatisticsSlices slices, StatisticsPages pages, JdbcClient jdbc) {
        this.policy = policy;
        this.slices = slices;
        this.pages = pages;
        this.jdbc = jdbc;
    }

    private record StatisticsDataset(long id, String slug, String title, String level) {
    }

    /**
     * Partners' area-statistics datasets with a published version, and its level. Open reference statistics
     * (IMD 2019) are already properties of the boundary collections.
     */
    private List<StatisticsDataset> datasets() {
        return jdbc.sql("select d.id, d.slug, d.title, v.area_level as level from dataset d join dataset_version v on v.id = d.current_version_id "
                + "where d.kind = 'area-statistics' and not d.open_data order by d.id").query(StatisticsDataset.class).list();
    }

    @Override
    public List<FeatureCollection> visible(Viewer viewer) {
        return datasets().stream().filter(dataset -> {
            Access access = policy.decide(viewer, dataset.id());
            return access.allows(AccessLevel.RECORD)
                    || access.allows(AccessLevel.PUBLIC) && AccessPolicy.allowedLevels(access).contains(dataset.level());
        }).map(this::collection).toList();
    }

    @Override
    public Optional<Claim> claim(String id) {
        return datasets().stream().filter(dataset -> dataset.slug().equals(id)).findFirst()
                .map(dataset -> new Claim(dataset.id(), output -> {
                    slices.require(dataset.id(), dataset.level(), output);
                    return collection(dataset);
                }));
    }

    private FeatureCollection collection(StatisticsDataset dataset) {
        return new FeatureCollection(dataset.slug(), dataset.title() + " by " + dataset.level(), "Statistics of '" + dataset.title()
                + "' by " + dataset.level() + ": one feature per area and category with the value of one measure (measure, default "
                + "the first) in one period (period, default the latest). Values of measures marked as counts are adjusted by a small "
                + "amount (cell-key method) to protect people, unless your access is record-level.", StatisticsPages.PARAMETERS, dataset.id(),
                pages.at(dataset.level()));
    }
}

package org.patchwork.polygons;

import java.util.List;
import java.util.Optional;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.access.Viewer;
import org.patchwork.layers.CollectionSource;
import org.patchwork.layers.FeatureCollection;
import org.patchwork.layers.ViewItems;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each polygon dataset as one collection, for those with record-level access; every read is audited. */
@Component
@Order(3)
class PolygonCollections implements CollectionSource {

    /** A polygon's file attributes spread among the view's columns (GIS clients show flat properties), never replacing them. */
    private static final String PROPERTIES = "coalesce(v.attributes, '{}'::jsonb) || (to_jsonb(v) - 'geom' - 'id' - 'attributes')";

    private final AccessPolicy policy;
    private final JdbcClient jdbc;

    PolygonCollections(AccessPolicy policy, JdbcClient jdbc) {
        this.policy = policy;
        this.jdbc = jdbc;
    }

    private record PolygonDataset(long id, String slug, String title) {
    }

    /** Polygon datasets with a published version. */
    private List<PolygonDataset> datasets() {
        return jdbc.sql("select id, slug, title from dataset where kind = 'polygons' and current_version_id is not null order by id")
                .query(PolygonDataset.class).list();
    }

    @Override
    public List<FeatureCollection> visible(Viewer viewer) {
        return datasets().stream().filter(dataset -> policy.decide(viewer, dataset.id()).allows(AccessLevel.RECORD))
                .map(PolygonCollections::collection).toList();
    }

    @Override
    public Optional<Claim> claim(String id) {
        return datasets().stream().filter(dataset -> dataset.slug().equals(id)).findFirst()
                .map(dataset -> new Claim(dataset.id(), output -> {
                    policy.require(dataset.id(), AccessLevel.RECORD, output);
                    return collection(dataset);
                }));
    }

    private static FeatureCollection collection(PolygonDataset dataset) {
        return new FeatureCollection(dataset.slug(), dataset.title(), "Polygons of '" + dataset.title() + "' as their owner "
                + "uploaded them (invalid ones repaired), with the file's attributes. Every request is audited.",
                List.of("name", "source_id"), dataset.id(), new ViewItems("feature_polygon", PROPERTIES, true));
    }
}

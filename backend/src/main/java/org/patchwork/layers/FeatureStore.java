package org.patchwork.layers;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads features from the collection views; PostGIS writes the GeoJSON, this class only passes it on. */
@Repository
class FeatureStore {

    private final NamedParameterJdbcTemplate jdbc;

    FeatureStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long count(FeatureQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = SqlScripts.load("layers/count", placeholders(query, params));
        return jdbc.queryForObject(sql, params, Long.class);
    }

    /** Hands up to {@code query.limit() + 1} features to {@code each} (the extra one says a next page exists). */
    int page(FeatureQuery query, Consumer<String> each) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("decimals", query.crs().decimals())
                .addValue("limit", query.limit() + 1)
                .addValue("offset", query.offset());
        String sql = SqlScripts.load("layers/items", placeholders(query, params));
        int[] rows = {0};
        jdbc.query(sql, params, rs -> {
            rows[0]++;
            each.accept(rs.getString(1));
        });
        return rows[0];
    }

    Optional<String> one(FeatureCollection collection, String id, OutputCrs crs) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("decimals", crs.decimals()).addValue("limit", 1).addValue("offset", 0).addValue("id", id)
                .addValue("dataset_id", collection.datasetId());
        String filters = (collection.datasetId() != null ? " and v.dataset_id = :dataset_id" : "") + " and v.id::text = :id";
        ViewItems items = (ViewItems) collection.items();
        String sql = SqlScripts.load("layers/items", Map.of("view", items.view(),
                "geometry", crs.geometrySql(), "filters", filters, "properties", items.properties()));
        return jdbc.queryForList(sql, params, String.class).stream().findFirst();
    }

    /**
     * Hands each feature of {@code page} to {@code each} as GeoJSON text, in page order, with the geometry of its
     * area of {@code level} (null when the area has none) written by PostGIS. {@code page} is a JSON array of
     * {@code {id, code, properties}}.
     */
    void areaFeatures(String level, OutputCrs crs, String page, Consumer<String> each) {
        String sql = SqlScripts.load("layers/area_features", Map.of("geometry", crs.geometrySql()));
        jdbc.query(sql, new MapSqlParameterSource("level", level).addValue("decimals", crs.decimals()).addValue("features", page),
                rs -> { each.accept(rs.getString(1)); });
    }

    /** [minLon, minLat, maxLon, maxLat], or empty when the collection has no features. */
    Optional<double[]> extent(FeatureCollection collection) {
        String view = collection.items() instanceof AreaItems area ? "feature_" + area.level() : ((ViewItems) collection.items()).view();
        String filters = collection.items() instanceof ViewItems && collection.datasetId() != null ? " and v.dataset_id = :dataset_id" : "";
        String sql = SqlScripts.load("layers/extent", Map.of("view", view, "filters", filters));
        return jdbc.query(sql, new MapSqlParameterSource("dataset_id", collection.datasetId()), (rs, n) -> new double[] {
                rs.getDouble("min_x"), rs.getDouble("min_y"), rs.getDouble("max_x"), rs.getDouble("max_y")})
                .stream().findFirst();
    }

    /** The codes of the areas of {@code level} that {@code bbox} touches. */
    java.util.Set<String> areaCodesIn(String level, FeatureQuery.Bbox bbox) {
        MapSqlParameterSource params = new MapSqlParameterSource("level", level);
        String sql = SqlScripts.load("layers/area_codes_in_bbox", Map.of("filters", bboxFilter(bbox, params)));
        return new java.util.HashSet<>(jdbc.queryForList(sql, params, String.class));
    }

    /** The SQL condition (on the view row {@code v}) that keeps what {@code bbox} touches, its values bound in {@code params}. */
    private static String bboxFilter(FeatureQuery.Bbox bbox, MapSqlParameterSource params) {
        boolean crossesAntimeridian = bbox.xy()[0] > bbox.xy()[2];   // only allowed in longitude/latitude
        params.addValue("minx", bbox.xy()[0]).addValue("miny", bbox.xy()[1])
                .addValue("maxx", bbox.xy()[2]).addValue("maxy", bbox.xy()[3])
                .addValue("bbox_srid", bbox.crs().srid());
        return SqlScripts.load(crossesAntimeridian ? "layers/bbox_antimeridian_filter" : "layers/bbox_filter").strip();
    }

    private static Map<String, String> placeholders(FeatureQuery query, MapSqlParameterSource params) {
        StringBuilder filters = new StringBuilder();
        if (query.collection().datasetId() != null) {
            filters.append(" and v.dataset_id = :dataset_id");
            params.addValue("dataset_id", query.collection().datasetId());
        }
        if (query.bbox() != null) {
            // a space first: the filter starts with "and", and after a dataset filter it must not run into ":dataset_id"
            filters.append(' ').append(bboxFilter(new FeatureQuery.Bbox(query.bbox(), query.bboxCrs()), params)).append(' ');
        }
        query.filters().forEach((column, value) -> {
            // column is one of the collection's queryables (checked in FeatureQuery), never raw request text
            filters.append(" and v.").append(column).append("::text = :f_").append(column);
            params.addValue("f_" + column, value);
        });
        Map<String, String> placeholders = new HashMap<>();
        ViewItems items = (ViewItems) query.collection().items();
        placeholders.put("view", items.view());
        placeholders.put("properties", items.properties());
        placeholders.put("geometry", query.crs().geometrySql());
        placeholders.put("filters", filters.isEmpty() ? "" : " " + filters);
        return placeholders;
    }
}

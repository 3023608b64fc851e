package org.patchwork.layers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Whole collections for outputs other than the OGC API's pages (exports): found and access-checked by the same
 * {@link CollectionCatalogue}, and read as exactly the features the items endpoint would serve the same viewer,
 * page after page, in British National Grid.
 */
@Service
public class CollectionReader {

    private final CollectionCatalogue catalogue;
    private final FeatureStore store;
    private final OgcProperties properties;
    private final NamedParameterJdbcTemplate jdbc;
    private final AreaFeaturePages areaPages;

    CollectionReader(CollectionCatalogue catalogue, FeatureStore store, OgcProperties properties, NamedParameterJdbcTemplate jdbc,
                     AreaFeaturePages areaPages) {
        this.areaPages = areaPages;
        this.catalogue = catalogue;
        this.store = store;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** The collection, with the viewer's access checked (404 hidden, 403 not at this level; both audited with {@code output}). */
    public FeatureCollection open(String id, String output) {
        return catalogue.find(id, output);
    }

    /** One page of features as a GeoJSON FeatureCollection text, and how many the whole selection has. */
    public record Page(int returned, long matched) {
    }

    /**
     * A whole view-backed collection as one SQL select PostGIS can run for GDAL, when the features are exactly the
     * view's rows and columns and no request filter applies: only catalogue names and the dataset id are in it.
     */
    public Optional<String> wholeViewSql(FeatureCollection collection) {
        if (!(collection.items() instanceof ViewItems view) || !view.properties().equals(ViewItems.COLUMNS)) {
            return Optional.empty();
        }
        String filter = collection.datasetId() == null ? "" : " where v.dataset_id = " + collection.datasetId().longValue();
        return Optional.of("select v.* from " + view.view() + " v" + filter);
    }

    /** The names of the columns a {@link #wholeViewSql} select gives, in order, less the geometry. */
    public List<String> wholeViewColumns(FeatureCollection collection) {
        ViewItems view = (ViewItems) collection.items();
        return jdbc.getJdbcTemplate().query("select * from " + view.view() + " v limit 0", rs -> {
            java.sql.ResultSetMetaData meta = rs.getMetaData();
            List<String> names = new java.util.ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (!meta.getColumnName(i).equals("geom")) {
                    names.add(meta.getColumnName(i));
                }
            }
            return names;
        });
    }

    /** The number of features a {@link #wholeViewSql} select gives. */
    public long wholeViewCount(FeatureCollection collection) {
        ViewItems view = (ViewItems) collection.items();
        String filters = collection.datasetId() == null ? "" : " and v.dataset_id = :dataset_id";
        return jdbc.queryForObject(SqlScripts.load("layers/count", Map.of("view", view.view(), "filters", filters)),
                new MapSqlParameterSource("dataset_id", collection.datasetId()), Long.class);
    }

    /** The geometry type of a view-backed collection's first feature (ST_GeometryType, e.g. ST_Point), empty when it has none. */
    public Optional<String> geometryType(FeatureCollection collection) {
        if (!(collection.items() instanceof ViewItems view)) {
            return Optional.of("ST_MultiPolygon");   // by-area collections are drawn as their areas
        }
        String filters = collection.datasetId() == null ? "" : " where v.dataset_id = :dataset_id";
        return jdbc.queryForList("select ST_GeometryType(v.geom) from " + view.view() + " v" + filters + " limit 1",
                new MapSqlParameterSource("dataset_id", collection.datasetId()), String.class).stream().findFirst();
    }

    /**
     * Writes the page at {@code offset} of at most {@code limit} (and {@link #pageSize}) features the items endpoint serves for
     * {@code params} (the collection's own filters; paging and crs are set here) as a GeoJSON FeatureCollection in British
     * National Grid.
     */
    public Page page(FeatureCollection collection, Map<String, String[]> params, long offset, int limit, HttpServletRequest request,
                     Writer out) throws IOException {
        Map<String, String[]> paged = new LinkedHashMap<>(params);
        paged.put("crs", new String[] {OutputCrs.BRITISH_NATIONAL_GRID.uri()});
        paged.put("limit", new String[] {String.valueOf(Math.min(limit, properties.maxLimit()))});
        paged.put("offset", new String[] {String.valueOf(offset)});
        if (collection.items() instanceof AreaItems byArea) {
            return areaPages.page(collection, byArea, withParameters(request, paged), out);
        }
        // the feature id also as a property, first, as in a whole-view export (a GeoJSON reader takes a numeric id as its FID)
        ViewItems view = (ViewItems) collection.items();
        FeatureCollection withId = new FeatureCollection(collection.id(), collection.title(), collection.description(), collection.queryables(),
                collection.datasetId(), new ViewItems(view.view(), "jsonb_build_object('id', v.id) || (" + view.properties() + ")", view.recordLevel()));
        FeatureQuery query = FeatureQuery.parse(withId, paged, properties);
        long matched = store.count(query);
        int[] returned = {0};
        out.write("{\"type\":\"FeatureCollection\",\"features\":[");
        store.page(query, feature -> {
            if (returned[0] < query.limit()) {
                try {
                    out.write(returned[0]++ == 0 ? feature : "," + feature);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        out.write("]}");
        return new Page(returned[0], matched);
    }

    /** The page size {@link #page} uses. */
    public int pageSize() {
        return properties.maxLimit();
    }

    private static HttpServletRequest withParameters(HttpServletRequest request, Map<String, String[]> params) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                String[] values = params.get(name);
                return values == null ? null : values[0];
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return Collections.unmodifiableMap(params);
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(params.keySet());
            }

            @Override
            public String[] getParameterValues(String name) {
                return params.get(name);
            }
        };
    }
}

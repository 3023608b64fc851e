package org.patchwork.hotspots;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.layers.CollectionReader;
import org.patchwork.sql.SqlScripts;
import org.patchwork.tiles.FeatureTiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each finished hotspot run's layer as vector tiles ({@code /ogc/collections/hotspots-{id}/tiles}): opened through the
 * OGC API's own collection lookup, so a viewer gets exactly the 404 or 403 its items give them, and each tileset or
 * tile read is audited as the run's reads are (record access for a run from the events' locations). A tile carries
 * the properties the items have.
 */
@Component
class HotspotTiles implements FeatureTiles {

    private static final String OUTPUT = "hotspot-tiles";

    private final CollectionReader collections;
    private final HotspotRunStore store;
    private final JdbcClient jdbc;

    HotspotTiles(CollectionReader collections, HotspotRunStore store, JdbcClient jdbc) {
        this.collections = collections;
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public boolean serves(String collectionId) {
        return HotspotCollections.runIdOf(collectionId).flatMap(store::find).filter(run -> run.state().equals("succeeded")).isPresent();
    }

    @Override
    public Features open(String collectionId) {
        String title = collections.open(collectionId, OUTPUT).title();   // 404 hidden, 403 not readable: both audited
        long run = HotspotCollections.runIdOf(collectionId).orElseThrow();
        List<Double> bounds = jdbc.sql(SqlScripts.load("hotspots/run_bounds")).param("run", run)
                .query((rs, i) -> List.of(rs.getDouble("west"), rs.getDouble("south"), rs.getDouble("east"), rs.getDouble("north")))
                .optional().orElse(null);
        return new Features(title, collectionId, fields(), descriptions(), bounds, cut -> jdbc.sql(SqlScripts.load("hotspots/run_tile"))
                .param("z", cut.z()).param("x", cut.x()).param("y", cut.y())
                .param("margin", cut.margin()).param("segment", cut.segment()).param("tolerance", cut.tolerance())
                .param("buffer", cut.buffer()).param("run", run).param("layer", collectionId)
                .query(byte[].class).single());
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : List.of("kind", "label", "code")) {
            fields.put(name, "String");
        }
        for (String name : List.of("events", "density", "z", "p", "p_adjusted", "hotspot_class")) {
            fields.put(name, "Number");
        }
        fields.put("hotspot", "Boolean");
        return fields;
    }

    private static Map<String, String> descriptions() {
        return Map.of("kind", "kde-class, grid-cell or area", "label", "The feature's class in words",
                "code", "Area code (areas only)", "events", "Events in the cell or area (protected counts for runs from counts)",
                "density", "KDE: the class's lower bound in events per km²", "z", "Gi* z-score", "p", "Gi* p-value",
                "p_adjusted", "Gi* p-value adjusted by Benjamini-Hochberg",
                "hotspot_class", "KDE: multiple of the mean density (2, 3, 4) or 1 for the top share; Gi*: -3 to 3",
                "hotspot", "Whether it counts as hotspot area for the PAI");
    }
}

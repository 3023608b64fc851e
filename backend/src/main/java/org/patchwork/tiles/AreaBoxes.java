package org.patchwork.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The longitude/latitude box of every area of a level, kept while the level's boundaries are unchanged (the
 * stamp of {@link BoundaryTileCache}), so that a tile of figures is sent the figures of the areas that may reach
 * it, not those of every area of the level (32,844 LSOAs at national scale: megabytes of JSON per tile).
 */
@Component
class AreaBoxes {

    /** Degrees added round a tile: boxes are a densified envelope, so a little slack; more areas is only more bytes. */
    private static final double PAD = 0.01;

    private record Kept(String stamp, String[] codes, double[] boxes) {
    }

    private final JdbcClient jdbc;
    private final Map<TileLayer, Kept> kept = new ConcurrentHashMap<>();

    AreaBoxes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of the areas whose box meets tile (z, row, col) with its margin, in the figures' order. */
    <V> Map<String, V> within(TileLayer layer, String stamp, int z, int row, int col, Map<String, V> figures) {
        Kept boxes = boxes(layer, stamp);
        double n = Math.pow(2, z);
        double west = col / n * 360 - 180 - PAD;
        double east = (col + 1) / n * 360 - 180 + PAD;
        double north = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * row / n)))) + PAD;
        double south = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * (row + 1) / n)))) - PAD;
        Map<String, V> chosen = new LinkedHashMap<>();
        for (int i = 0; i < boxes.codes().length; i++) {
            double[] b = boxes.boxes();
            if (b[4 * i] <= east && b[4 * i + 2] >= west && b[4 * i + 1] <= north && b[4 * i + 3] >= south) {
                V value = figures.get(boxes.codes()[i]);
                if (value != null) {
                    chosen.put(boxes.codes()[i], value);
                }
            }
        }
        return chosen;
    }

    private Kept boxes(TileLayer layer, String stamp) {
        Kept boxes = kept.get(layer);
        if (boxes == null || !boxes.stamp().equals(stamp)) {
            List<String> codes = new ArrayList<>();
            List<double[]> values = new ArrayList<>();
            jdbc.sql(SqlScripts.load("tiles/area_boxes")).param("level", layer.id()).query((rs, i) -> {
                codes.add(rs.getString("code"));
                values.add(new double[] {rs.getDouble("west"), rs.getDouble("south"), rs.getDouble("east"), rs.getDouble("north")});
                return null;
            }).list();
            double[] flat = new double[4 * values.size()];
            for (int i = 0; i < values.size(); i++) {
                System.arraycopy(values.get(i), 0, flat, 4 * i, 4);
            }
            boxes = new Kept(stamp, codes.toArray(String[]::new), flat);
            kept.put(layer, boxes);
        }
        return boxes;
    }
}

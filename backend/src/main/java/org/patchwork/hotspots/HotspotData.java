package org.patchwork.hotspots;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.access.Access;
import org.patchwork.events.CountFilter;
import org.patchwork.events.EventCounts;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a run analyses, read from PostGIS: events as points (record-level runs), counts by area through
 * {@link EventCounts} (exact for record-level access, cell-key perturbed otherwise), the areas' shapes,
 * queen contiguity and the study area (the loaded LSOAs).
 */
@Repository
class HotspotData {

    /** Weighted points in British National Grid metres (weight 1 for events, a protected count for an area). */
    record Points(double[] x, double[] y, double[] weight) {
        double total() {
            double sum = 0;
            for (double w : weight) {
                sum += w;
            }
            return sum;
        }
    }

    /** Counts by area of one level, codes sorted; {@code counts[i]} belongs to {@code codes.get(i)}. */
    record AreaCounts(String level, List<String> codes, double[] counts) {
        double total() {
            double sum = 0;
            for (double c : counts) {
                sum += c;
            }
            return sum;
        }
    }

    /** An area's size in square metres and the point inside it where its count stands. */
    record Shape(double squareMetres, double x, double y) {
    }

    record StudyArea(double squareMetres, double minX, double minY, double maxX, double maxY) {
    }

    private final JdbcClient jdbc;
    private final EventCounts counts;

    HotspotData(JdbcClient jdbc, EventCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    Points points(long datasetId, long versionId, List<String> categories, YearMonth from, YearMonth to) {
        List<double[]> rows = jdbc.sql(SqlScripts.load("hotspots/points"))
                .param("dataset_id", datasetId).param("version_id", versionId).param("categories", textArray(categories))
                .param("first_day", from.atDay(1)).param("last_day", to.atDay(1))
                .query((rs, n) -> new double[] {rs.getDouble("x"), rs.getDouble("y")}).list();
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        double[] w = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i)[0];
            y[i] = rows.get(i)[1];
            w[i] = 1;
        }
        return new Points(x, y, w);
    }

    /**
     * Counts by area for the categories (each counted and protected on its own, then added, as indicators do)
     * and months, as the access allows (the same call every count path makes: period and geography rules apply).
     */
    AreaCounts areaCounts(long datasetId, String level, List<String> categories, YearMonth from, YearMonth to, Access access) {
        List<String> each = categories.isEmpty() ? Collections.singletonList(null) : categories;
        Map<String, Double> byArea = new java.util.TreeMap<>();
        for (String category : each) {
            for (EventCounts.AreaCount area : counts.counts(datasetId, level, new CountFilter(category, from, to), access).areas()) {
                byArea.merge(area.code(), area.count() == null ? 0 : area.count().doubleValue(), Double::sum);
            }
        }
        List<String> codes = new ArrayList<>(byArea.keySet());
        double[] values = new double[codes.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = byArea.get(codes.get(i));
        }
        return new AreaCounts(level, codes, values);
    }

    /** Protected counts by area as points: each area's count at a point inside it. Areas without a shape are left out. */
    Points asPoints(AreaCounts areas, Map<String, Shape> shapes) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < areas.codes().size(); i++) {
            if (shapes.containsKey(areas.codes().get(i))) {
                kept.add(i);
            }
        }
        double[] x = new double[kept.size()];
        double[] y = new double[kept.size()];
        double[] w = new double[kept.size()];
        for (int k = 0; k < x.length; k++) {
            int i = kept.get(k);
            Shape shape = shapes.get(areas.codes().get(i));
            x[k] = shape.x();
            y[k] = shape.y();
            w[k] = Math.max(0, areas.counts()[i]);
        }
        return new Points(x, y, w);
    }

    Map<String, Shape> shapes(String level) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        jdbc.sql(SqlScripts.load("hotspots/area_shapes")).param("level", level).query(rs -> {
            shapes.put(rs.getString("code"), new Shape(rs.getDouble("square_metres"), rs.getDouble("x"), rs.getDouble("y")));
        });
        return shapes;
    }

    /** Queen neighbours of each of {@code codes} among {@code codes}, as index lists for {@link GiStar}. */
    int[][] queenNeighbours(String level, List<String> codes) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            index.put(codes.get(i), i);
        }
        Map<String, List<String>> all = queenNeighbours(level);
        int[][] neighbours = new int[codes.size()][];
        for (int i = 0; i < codes.size(); i++) {
            neighbours[i] = all.getOrDefault(codes.get(i), List.of()).stream().map(index::get).filter(j -> j != null)
                    .mapToInt(Integer::intValue).sorted().toArray();
        }
        return neighbours;
    }

    private record Neighbours(String stamp, Map<String, List<String>> byCode) {
    }

    // Queen contiguity of a whole level is a spatial self-join (seconds for the 32,844 English LSOAs) whose answer
    // only changes with the areas themselves: worked out once per level and kept until the areas change.
    private final Map<String, Neighbours> neighbours = new java.util.concurrent.ConcurrentHashMap<>();

    private Map<String, List<String>> queenNeighbours(String level) {
        String stamp = jdbc.sql(SqlScripts.load("hotspots/areas_stamp")).param("level", level).query(String.class).single();
        Neighbours known = neighbours.get(level);
        if (known != null && known.stamp().equals(stamp)) {
            return known.byCode();
        }
        Map<String, List<String>> byCode = new HashMap<>();
        jdbc.sql(SqlScripts.load("hotspots/queen_neighbours")).param("level", level).query(rs -> {
            byCode.computeIfAbsent(rs.getString("code"), c -> new ArrayList<>()).add(rs.getString("neighbour"));
        });
        neighbours.put(level, new Neighbours(stamp, byCode));
        return byCode;
    }

    StudyArea studyArea() {
        return jdbc.sql(SqlScripts.load("hotspots/study_area")).query((rs, n) -> new StudyArea(rs.getDouble("square_metres"),
                rs.getDouble("min_x"), rs.getDouble("min_y"), rs.getDouble("max_x"), rs.getDouble("max_y"))).single();
    }

    /** The positions of the cells (by centre) within {@code reach} metres of the study area. */
    int[] cellsInStudyArea(double[] centreX, double[] centreY, double reach) {
        return jdbc.sql(SqlScripts.load("hotspots/cells_in_study_area")).param("xs", centreX).param("ys", centreY)
                .param("reach", reach).query(Integer.class).list().stream().mapToInt(Integer::intValue).toArray();
    }

    static String textArray(List<String> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
    }
}

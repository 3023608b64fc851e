package org.patchwork.hotspots;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.patchwork.hotspots.HotspotData.AreaCounts;
import org.patchwork.hotspots.HotspotData.Points;
import org.patchwork.hotspots.HotspotData.Shape;

/**
 * The three hotspot methods on what a run read (points or counts by area), each giving a layer: the
 * features to save, the hotspot (the units counted as hotspot area for PAI and RRI), and a ranking of its
 * units, best first, from which the method comparison takes the same share of the study area for every method.
 */
final class HotspotMethods {

    private HotspotMethods() {
    }

    /** A period's data: its points (events, or protected counts at points inside areas) and its counts by area. */
    record Period(Points points, Function<String, AreaCounts> byLevel) {
    }

    /** The units counted as hotspot: their area in m², and the events of a period in them and in the whole study area. */
    interface Hotspot {
        double area();

        double eventsIn(Period period);

        double allEvents(Period period);
    }

    /** A feature to save; geometry from {@code wkt}, from the area {@code code} of {@code level}, or from KDE cell corners. */
    record Feature(String kind, String label, String code, String level, Double events, Double density, Double z, Double p,
                   Double pAdjusted, Integer cls, boolean hotspot, String wkt, double[] cornersX, double[] cornersY, double size) {
    }

    /** Units scored best first and each unit's area; {@code hotspotOf} turns a set of units into a hotspot. */
    record Ranking(double[] score, double[] unitArea, Function<BitSet, Hotspot> hotspotOf) {

        /** The best units until their area reaches {@code target} m² (at least one unit); ties go to the lower index. */
        Hotspot top(double target) {
            Integer[] order = new Integer[score.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
            BitSet chosen = new BitSet(score.length);
            double area = 0;
            for (int i : order) {
                if (area >= target && !chosen.isEmpty()) {
                    break;
                }
                chosen.set(i);
                area += unitArea[i];
            }
            return hotspotOf.apply(chosen);
        }
    }

    record Layer(List<Feature> features, Hotspot hotspot, Ranking ranking, Map<String, Object> parameters, DensitySurface surface) {
    }

    static Layer kde(Points points, Double bandwidth, Double cellSize, String classes, double share) {
        double h = bandwidth != null ? bandwidth : KernelDensity.defaultBandwidth(points.x(), points.y(), points.weight());
        double size = cellSize != null ? cellSize : KernelDensity.defaultCellSize(points.x(), points.y());
        DensitySurface surface = KernelDensity.quartic(points.x(), points.y(), points.weight(), h, size);
        RasterGrid grid = surface.grid();
        GridCells cells = GridCells.of(grid);
        double[] values = surface.eventsPerSquareKilometre();
        double mean = surface.mean();
        List<Feature> features = new ArrayList<>();
        BitSet hot = new BitSet(values.length);
        if (classes.equals("mean")) {
            int[] byMean = surface.classesByMultipleOfMean(4);
            for (int k = 2; k <= 4; k++) {
                BitSet members = new BitSet(values.length);
                for (int i = 0; i < byMean.length; i++) {
                    if (byMean[i] == k) {
                        members.set(i);
                    }
                }
                if (!members.isEmpty()) {
                    String label = (k == 4 ? "4× the mean cell or more" : k + "× to " + (k + 1) + "× the mean cell");
                    features.add(kdeClass(grid, values, members, label, k, k * mean));
                    hot.or(members);
                }
            }
        } else {
            double threshold = surface.topShareThreshold(share);
            for (int i = 0; i < values.length; i++) {
                if (values[i] >= threshold && values[i] > 0) {
                    hot.set(i);
                }
            }
            if (!hot.isEmpty()) {
                features.add(kdeClass(grid, values, hot, "top " + percent(share) + " of cells", 1, threshold));
            }
        }
        double[] unitArea = new double[values.length];
        java.util.Arrays.fill(unitArea, cells.cellArea());
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("bandwidth", h);
        parameters.put("bandwidthRule", bandwidth != null ? "given" : "normal reference: 0.9 · min(SD, √(1/ln 2) · Dm) · n^−0.2");
        parameters.put("cellSize", size);
        parameters.put("cellSizeRule", cellSize != null ? "given" : "shorter side of the points' extent / 250");
        parameters.put("classes", classes);
        if (classes.equals("top")) {
            parameters.put("share", share);
        }
        parameters.put("meanCellValue", mean);
        parameters.put("columns", grid.columns());
        parameters.put("rows", grid.rows());
        return new Layer(features, cellHotspot(cells, hot), new Ranking(values, unitArea, set -> cellHotspot(cells, set)), parameters, surface);
    }

    private static Feature kdeClass(RasterGrid grid, double[] values, BitSet members, String label, int cls, double density) {
        double[] xs = new double[members.cardinality()];
        double[] ys = new double[xs.length];
        double sum = 0;
        int k = 0;
        for (int i = members.nextSetBit(0); i >= 0; i = members.nextSetBit(i + 1)) {
            xs[k] = grid.west() + (i % grid.columns()) * grid.cellSize();
            ys[k] = grid.north() - (i / grid.columns()) * grid.cellSize();
            sum += values[i];
            k++;
        }
        return new Feature("kde-class", label, null, null, sum * grid.cellAreaSquareKilometres(), density, null, null, null, cls, true,
                null, xs, ys, grid.cellSize());
    }

    /**
     * Gi* on the grid's cells near the study area ({@code kept}, grid indices): counts of the points, neighbours among
     * the kept by queen contiguity, or with {@code band} (metres) the cells whose centres lie within it.
     */
    static Layer gistarGrid(Points points, GridCells grid, int[] kept, String shape, Double band) {
        int[] position = new int[grid.cellCount()];
        java.util.Arrays.fill(position, -1);
        for (int k = 0; k < kept.length; k++) {
            position[kept[k]] = k;
        }
        double[] values = new double[kept.length];
        for (int i = 0; i < points.x().length; i++) {
            int cell = grid.cellOf(points.x()[i], points.y()[i]);
            if (cell >= 0 && position[cell] >= 0) {
                values[position[cell]] += points.weight()[i];
            }
        }
        int[][] neighbours = new int[kept.length][];
        if (band == null) {
            int[][] all = grid.queenNeighbours();
            for (int k = 0; k < kept.length; k++) {
                neighbours[k] = java.util.Arrays.stream(all[kept[k]]).map(c -> position[c]).filter(c -> c >= 0).toArray();
            }
        } else {
            neighbours = SpatialWeights.distanceBand(java.util.Arrays.stream(kept).mapToDouble(grid::centreX).toArray(),
                    java.util.Arrays.stream(kept).mapToDouble(grid::centreY).toArray(), band);
        }
        GiStar.Result result = GiStar.compute(values, neighbours);
        List<Feature> features = new ArrayList<>();
        BitSet hot = new BitSet(grid.cellCount());
        for (int k = 0; k < kept.length; k++) {
            boolean hotspot = result.classes()[k] >= 2;
            if (hotspot) {
                hot.set(kept[k]);
            }
            if (values[k] > 0 || result.classes()[k] != 0) {
                features.add(new Feature("grid-cell", classLabel(result.classes()[k]), null, null, values[k], null, result.z()[k],
                        result.p()[k], result.adjustedP()[k], result.classes()[k], hotspot, grid.polygon(kept[k]).toText(), null, null, 0));
            }
        }
        double[] unitArea = new double[kept.length];
        java.util.Arrays.fill(unitArea, grid.cellArea());
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("grid", shape);
        parameters.put("cells", kept.length);
        parameters.put("cellArea", grid.cellArea());
        if (band == null) {
            parameters.put("weights", "queen contiguity, cell itself included");
        } else {
            parameters.put("distanceBand", band);
            parameters.put("weights", "distance band: cells whose centres lie within " + band + " m, cell itself included");
        }
        return new Layer(features, cellHotspot(grid, hot), new Ranking(result.z(), unitArea, set -> {
            BitSet cells = new BitSet(grid.cellCount());
            set.stream().forEach(k -> cells.set(kept[k]));
            return cellHotspot(grid, cells);
        }), parameters, null);
    }

    static Layer gistarAreas(AreaCounts counts, Map<String, Shape> shapes, int[][] neighbours) {
        GiStar.Result result = GiStar.compute(counts.counts(), neighbours);
        List<Feature> features = new ArrayList<>();
        Set<String> hot = new TreeSet<>();
        for (int i = 0; i < counts.codes().size(); i++) {
            String code = counts.codes().get(i);
            boolean hotspot = result.classes()[i] >= 2;
            if (hotspot) {
                hot.add(code);
            }
            features.add(new Feature("area", classLabel(result.classes()[i]), code, counts.level(), counts.counts()[i], null,
                    result.z()[i], result.p()[i], result.adjustedP()[i], result.classes()[i], hotspot, null, null, null, 0));
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("grid", "areas");
        parameters.put("level", counts.level());
        parameters.put("areas", counts.codes().size());
        parameters.put("weights", "queen contiguity (areas sharing a boundary point), area itself included");
        return new Layer(features, areaHotspot(counts.level(), hot, shapes), new Ranking(result.z(), areas(counts, shapes),
                set -> areaHotspot(counts.level(), codes(counts, set), shapes)), parameters, null);
    }

    static Layer topAreas(AreaCounts counts, Map<String, Shape> shapes, double share, double studyArea) {
        Ranking ranking = new Ranking(counts.counts(), areas(counts, shapes), set -> areaHotspot(counts.level(), codes(counts, set), shapes));
        Hotspot top = ranking.top(share * studyArea);
        Set<String> chosen = ((AreaHotspot) top).codes();
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < counts.codes().size(); i++) {
            if (chosen.contains(counts.codes().get(i))) {
                features.add(new Feature("area", "top " + percent(share) + " of the area by count", counts.codes().get(i),
                        counts.level(), counts.counts()[i], null, null, null, null, 1, true, null, null, null, 0));
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("level", counts.level());
        parameters.put("share", share);
        return new Layer(features, top, ranking, parameters, null);
    }

    static String classLabel(int cls) {
        return switch (cls) {
            case 3 -> "hot spot, 99% confidence";
            case 2 -> "hot spot, 95% confidence";
            case 1 -> "hot spot, 90% confidence";
            case -1 -> "cold spot, 90% confidence";
            case -2 -> "cold spot, 95% confidence";
            case -3 -> "cold spot, 99% confidence";
            default -> "not significant";
        };
    }

    private static String percent(double share) {
        double p = share * 100;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
    }

    private static double[] areas(AreaCounts counts, Map<String, Shape> shapes) {
        return counts.codes().stream().mapToDouble(c -> shapes.containsKey(c) ? shapes.get(c).squareMetres() : 0).toArray();
    }

    private static Set<String> codes(AreaCounts counts, BitSet set) {
        Set<String> codes = new TreeSet<>();
        set.stream().forEach(i -> codes.add(counts.codes().get(i)));
        return codes;
    }

    static Hotspot cellHotspot(GridCells grid, BitSet cells) {
        return new Hotspot() {
            public double area() {
                return cells.cardinality() * grid.cellArea();
            }

            public double eventsIn(Period period) {
                Points p = period.points();
                double sum = 0;
                for (int i = 0; i < p.x().length; i++) {
                    int cell = grid.cellOf(p.x()[i], p.y()[i]);
                    if (cell >= 0 && cells.get(cell)) {
                        sum += p.weight()[i];
                    }
                }
                return sum;
            }

            public double allEvents(Period period) {
                return period.points().total();
            }
        };
    }

    record AreaHotspot(String level, Set<String> codes, double area) implements Hotspot {
        public double eventsIn(Period period) {
            AreaCounts counts = period.byLevel().apply(level);
            double sum = 0;
            for (int i = 0; i < counts.codes().size(); i++) {
                if (codes.contains(counts.codes().get(i))) {
                    sum += counts.counts()[i];
                }
            }
            return sum;
        }

        public double allEvents(Period period) {
            return period.byLevel().apply(level).total();
        }
    }

    static Hotspot areaHotspot(String level, Set<String> codes, Map<String, Shape> shapes) {
        return new AreaHotspot(level, codes, codes.stream().mapToDouble(c -> shapes.containsKey(c) ? shapes.get(c).squareMetres() : 0).sum());
    }
}

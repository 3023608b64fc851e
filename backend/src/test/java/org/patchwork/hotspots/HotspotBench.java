package org.patchwork.hotspots;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * The hotspot benchmarks' harness (scripts/bench.sh, BENCH=hotspots), run with the backend's classpath; not a test.
 * <pre>
 *   kde POINTS.csv OUT [BANDWIDTH CELL]   quartic KDE of the points (X,Y in EPSG:27700, header line) at the defaults
 *                                         or the given bandwidth and cell size (metres); prints the grid, as
 *                                         "grid WEST NORTH EAST SOUTH COLUMNS ROWS CELL BANDWIDTH", and the times:
 *                                         the first run and the median of 5 after it (ms); writes OUT (float64, little endian, rows from the north)
 *   compare OURS GRASS ROWS COLUMNS        the largest relative difference cell by cell (cells where either is above 0) and
 *                                         relative to the surface's maximum, of two such float64 files
 *   gistar AREAS.csv VALUES.csv [PAIRS]   Gi* over the areas (code,WKT polygons, header line) with queen contiguity built
 *                                         by SpatialWeights.queenContiguity and values code,value (absent = 0); times;
 *                                         PAIRS (code_a,code_b from PostGIS) is compared with the contiguity found
 * </pre>
 */
public final class HotspotBench {

    private HotspotBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "kde" -> kde(args);
            case "compare" -> compare(args);
            case "gistar" -> gistar(args);
            default -> throw new IllegalArgumentException("kde | compare | gistar");
        }
    }

    private static void kde(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[1]));
        int n = lines.size() - 1;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            String[] parts = lines.get(i + 1).split(",");
            x[i] = Double.parseDouble(parts[0]);
            y[i] = Double.parseDouble(parts[1]);
        }
        boolean defaults = args.length < 4;
        long t0 = System.nanoTime();
        DensitySurface surface = defaults ? KernelDensity.quartic(x, y, null)
                : KernelDensity.quartic(x, y, null, Double.parseDouble(args[3]), Double.parseDouble(args[4]));
        double first = (System.nanoTime() - t0) / 1e6;
        double[] times = new double[5];
        for (int k = 0; k < times.length; k++) {
            long t = System.nanoTime();
            surface = defaults ? KernelDensity.quartic(x, y, null)
                    : KernelDensity.quartic(x, y, null, Double.parseDouble(args[3]), Double.parseDouble(args[4]));
            times[k] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(times);
        RasterGrid g = surface.grid();
        System.out.printf("grid %.17g %.17g %.17g %.17g %d %d %.17g %.17g%n", g.west(), g.north(), g.east(), g.south(), g.columns(), g.rows(),
                g.cellSize(), surface.bandwidth());
        System.out.printf("points %d first %.1f median %.1f total %.3f%n", n, first, times[times.length / 2], surface.total());
        write(Path.of(args[2]), surface.eventsPerSquareKilometre());
    }

    private static void compare(String[] args) throws IOException {
        double[] ours = read(Path.of(args[1]));
        double[] theirs = read(Path.of(args[2]));
        int cells = Integer.parseInt(args[3]) * Integer.parseInt(args[4]);
        if (ours.length != cells || theirs.length != cells) {
            throw new IllegalStateException("expected " + cells + " cells, got " + ours.length + " and " + theirs.length);
        }
        double max = 0;
        for (double v : ours) {
            max = Math.max(max, v);
        }
        double cellwise = 0;
        double significant = 0;
        double ofMax = 0;
        int compared = 0;
        int worst = -1;
        for (int i = 0; i < cells; i++) {
            double a = ours[i];
            double b = theirs[i];
            ofMax = Math.max(ofMax, Math.abs(a - b) / max);
            if (a > 0 || b > 0) {
                compared++;
                double relative = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
                if (relative > cellwise) {
                    cellwise = relative;
                    worst = i;
                }
                if (Math.max(a, b) >= 1e-6 * max) {
                    significant = Math.max(significant, relative);
                }
            }
        }
        System.out.printf("compared %d cells: max relative difference %.3e of the surface maximum; cell by cell %.3e where a cell is"
                + " at least 1e-6 of the maximum, %.3e over all (at a cell of %.3e of the maximum: the kernels' rim)%n",
                compared, ofMax, significant, cellwise, worst < 0 ? 0 : Math.max(ours[worst], theirs[worst]) / max);
    }

    private static void gistar(String[] args) throws Exception {
        WKTReader reader = new WKTReader();
        List<String> codes = new ArrayList<>();
        List<Geometry> areas = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int comma = line.indexOf(',');
                codes.add(line.substring(0, comma));
                areas.add(reader.read(line.substring(comma + 1).replace("\"", "")));
            }
        }
        Map<String, Double> byCode = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[2])).subList(1, Files.readAllLines(Path.of(args[2])).size())) {
            String[] parts = line.split(",");
            byCode.put(parts[0], Double.parseDouble(parts[1]));
        }
        double[] values = codes.stream().mapToDouble(c -> byCode.getOrDefault(c, 0.0)).toArray();
        for (int warm = 0; warm < 2; warm++) {
            SpatialWeights.queenContiguity(areas);
            GiStar.compute(values, SpatialWeights.queenContiguity(areas));
        }
        long t0 = System.nanoTime();
        int[][] neighbours = SpatialWeights.queenContiguity(areas);
        long t1 = System.nanoTime();
        GiStar.Result result = GiStar.compute(values, neighbours);
        long t2 = System.nanoTime();
        long pairs = Arrays.stream(neighbours).mapToLong(list -> list.length).sum() / 2;
        int hot = (int) Arrays.stream(result.classes()).filter(c -> c == 3).count();
        int cold = (int) Arrays.stream(result.classes()).filter(c -> c == -3).count();
        System.out.printf("areas %d pairs %d contiguity %.1f gistar %.1f total %.1f hot99 %d cold99 %d%n", areas.size(), pairs,
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6, hot, cold);
        if (args.length > 3) {
            TreeSet<String> ours = new TreeSet<>();
            for (int i = 0; i < neighbours.length; i++) {
                for (int j : neighbours[i]) {
                    if (i < j) {
                        ours.add(pair(codes.get(i), codes.get(j)));
                    }
                }
            }
            TreeSet<String> theirs = new TreeSet<>();
            for (String line : Files.readAllLines(Path.of(args[3]))) {
                String[] parts = line.split(",");
                if (parts.length == 2) {
                    theirs.add(pair(parts[0], parts[1]));
                }
            }
            TreeSet<String> onlyOurs = new TreeSet<>(ours);
            onlyOurs.removeAll(theirs);
            TreeSet<String> onlyTheirs = new TreeSet<>(theirs);
            onlyTheirs.removeAll(ours);
            System.out.printf("postgis pairs %d same %d only-vertices %d only-postgis %d%n", theirs.size(), ours.size() - onlyOurs.size(),
                    onlyOurs.size(), onlyTheirs.size());
        }
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "," + b : b + "," + a;
    }

    private static void write(Path path, double[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(values);
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(buffer);
        }
    }

    private static double[] read(Path path) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[buffer.remaining() / 8];
        buffer.asDoubleBuffer().get(values);
        return values;
    }
}

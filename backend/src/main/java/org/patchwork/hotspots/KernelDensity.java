package org.patchwork.hotspots;

import java.util.Arrays;

/**
 * Kernel density estimation with the quartic (biweight) kernel K(d) = 3/(π h²) · (1 − d²/h²)² for d < h,
 * 0 beyond, evaluated at cell centres in EPSG:27700 metres and reported in events per km², so that the
 * surface integrates to the number (or total weight) of events. The grid covers the points' extent widened
 * by the bandwidth, edges on multiples of the cell size, so no event's kernel is cut off.
 *
 * <p>Each point adds its kernel exactly to the cells within h of it (no binning of points to cell centres),
 * so the result equals a direct evaluation of the formula; the work is about (2h / cell)² per point.
 *
 * <p>Defaults, as ArcGIS Pro's Kernel Density documents them: bandwidth
 * 0.9 · min(SD, √(1/ln 2) · Dm) · n^−0.2 (a spatial variant of Silverman's normal-reference rule), with SD the
 * standard distance of the points from their mean centre, Dm their median distance from it and n the number
 * of points (all weighted when weights are given); cell size the shorter side of the points' extent / 250.
 */
public final class KernelDensity {

    private static final double SQUARE_METRES_PER_SQUARE_KILOMETRE = 1e6;

    private KernelDensity() {
    }

    /** The surface at the default bandwidth and cell size. weights may be null (each event counts 1). */
    public static DensitySurface quartic(double[] x, double[] y, double[] weights) {
        return quartic(x, y, weights, defaultBandwidth(x, y, weights), defaultCellSize(x, y));
    }

    /** The surface with a given bandwidth h (metres) and cell size (metres). weights may be null. */
    public static DensitySurface quartic(double[] x, double[] y, double[] weights, double bandwidth, double cellSize) {
        check(x, y, weights);
        if (!(bandwidth > 0) || !(cellSize > 0)) {
            throw new IllegalArgumentException("bandwidth and cell size must be positive");
        }
        double[] extent = extent(x, y);
        RasterGrid grid = RasterGrid.covering(extent[0], extent[1], extent[2], extent[3], cellSize, bandwidth);
        double[] sums = new double[grid.cellCount()];
        double h2 = bandwidth * bandwidth;
        int reach = (int) Math.ceil(bandwidth / cellSize) + 1;
        double[] dx2 = new double[2 * reach + 1];
        for (int i = 0; i < x.length; i++) {
            double weight = weights == null ? 1 : weights[i];
            int centreColumn = (int) Math.floor((x[i] - grid.west()) / cellSize);
            int centreRow = (int) Math.floor((grid.north() - y[i]) / cellSize);
            int firstColumn = Math.max(0, centreColumn - reach);
            int lastColumn = Math.min(grid.columns() - 1, centreColumn + reach);
            for (int c = firstColumn; c <= lastColumn; c++) {
                double dx = grid.centreX(c) - x[i];
                dx2[c - firstColumn] = dx * dx;
            }
            int firstRow = Math.max(0, centreRow - reach);
            int lastRow = Math.min(grid.rows() - 1, centreRow + reach);
            for (int r = firstRow; r <= lastRow; r++) {
                double dy = grid.centreY(r) - y[i];
                double dy2 = dy * dy;
                if (dy2 >= h2) {
                    continue;
                }
                int offset = r * grid.columns();
                for (int c = firstColumn; c <= lastColumn; c++) {
                    double d2 = dx2[c - firstColumn] + dy2;
                    if (d2 < h2) {
                        double u = 1 - d2 / h2;
                        sums[offset + c] += weight * u * u;
                    }
                }
            }
        }
        double scale = 3 / (Math.PI * h2) * SQUARE_METRES_PER_SQUARE_KILOMETRE;
        for (int k = 0; k < sums.length; k++) {
            sums[k] *= scale;
        }
        return new DensitySurface(grid, sums, bandwidth);
    }

    /** 0.9 · min(SD, √(1/ln 2) · Dm) · n^−0.2 in metres; needs points that are not all in one place. */
    public static double defaultBandwidth(double[] x, double[] y, double[] weights) {
        check(x, y, weights);
        int n = x.length;
        double total = 0;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            total += w;
            meanX += w * x[i];
            meanY += w * y[i];
        }
        meanX /= total;
        meanY /= total;
        double squares = 0;
        double[] distances = new double[n];
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            squares += w * (dx * dx + dy * dy);
            distances[i] = Math.sqrt(dx * dx + dy * dy);
        }
        double standardDistance = Math.sqrt(squares / total);
        double medianDistance = weights == null ? median(distances) : weightedMedian(distances, weights, total);
        double spread = Math.min(standardDistance, Math.sqrt(1 / Math.log(2)) * medianDistance);
        double bandwidth = 0.9 * spread * Math.pow(total, -0.2);
        if (!(bandwidth > 0)) {
            throw new IllegalArgumentException("the points do not spread out: give a bandwidth");
        }
        return bandwidth;
    }

    /** The shorter side of the points' extent divided by 250, in metres. */
    public static double defaultCellSize(double[] x, double[] y) {
        double[] extent = extent(x, y);
        double shorter = Math.min(extent[2] - extent[0], extent[3] - extent[1]);
        if (!(shorter > 0)) {
            throw new IllegalArgumentException("the points' extent has no width or no height: give a cell size");
        }
        return shorter / 250;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int half = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    private static double weightedMedian(double[] values, double[] weights, double total) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double cumulative = 0;
        for (int k = 0; k < order.length; k++) {
            cumulative += weights[order[k]];
            if (cumulative == total / 2 && k + 1 < order.length) {
                // exactly half the weight on each side: the midpoint, as the usual median of an even count
                return (values[order[k]] + values[order[k + 1]]) / 2;
            }
            if (cumulative > total / 2) {
                return values[order[k]];
            }
        }
        return values[order[order.length - 1]];
    }

    private static double[] extent(double[] x, double[] y) {
        double[] e = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < x.length; i++) {
            e[0] = Math.min(e[0], x[i]);
            e[1] = Math.min(e[1], y[i]);
            e[2] = Math.max(e[2], x[i]);
            e[3] = Math.max(e[3], y[i]);
        }
        return e;
    }

    private static void check(double[] x, double[] y, double[] weights) {
        if (x.length == 0 || x.length != y.length || (weights != null && weights.length != x.length)) {
            throw new IllegalArgumentException("one x, one y (and one weight, if any) per point, at least one point");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i]) || (weights != null && !(weights[i] >= 0))) {
                throw new IllegalArgumentException("point " + i + " has a coordinate that is not a number or a negative weight");
            }
        }
    }
}

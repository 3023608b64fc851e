package org.patchwork.hotspots;

/** A kernel density surface: one value per cell in events per km², row-major from the north-west cell. */
public record DensitySurface(RasterGrid grid, double[] eventsPerSquareKilometre, double bandwidth) {

    public DensitySurface {
        if (eventsPerSquareKilometre.length != grid.cellCount()) {
            throw new IllegalArgumentException("one value per cell is needed");
        }
    }

    public double value(int row, int column) {
        return eventsPerSquareKilometre[row * grid.columns() + column];
    }

    /** The integral of the surface over its grid: the number (or weight) of events it was built from. */
    public double total() {
        double sum = 0;
        for (double v : eventsPerSquareKilometre) {
            sum += v;
        }
        return sum * grid.cellAreaSquareKilometres();
    }

    /** The mean over all cells, the unit of the hotspot classes at 2×, 3×, 4× the mean. */
    public double mean() {
        double sum = 0;
        for (double v : eventsPerSquareKilometre) {
            sum += v;
        }
        return sum / grid.cellCount();
    }

    /**
     * The hotspot class of each cell by multiples of the mean cell value: k when the cell is at least k times
     * the mean and less than k + 1 times (k = 2, 3, 4, ...), capped at maxMultiple; 0 below twice the mean.
     */
    public int[] classesByMultipleOfMean(int maxMultiple) {
        double mean = mean();
        int[] classes = new int[eventsPerSquareKilometre.length];
        if (!(mean > 0)) {
            return classes;
        }
        for (int i = 0; i < classes.length; i++) {
            int multiple = (int) Math.min(maxMultiple, Math.floor(eventsPerSquareKilometre[i] / mean));
            classes[i] = multiple >= 2 ? multiple : 0;
        }
        return classes;
    }

    /**
     * The smallest value among the top share (0..1] of cells by value: cells at or above it form the
     * top N% hotspot (ties at the threshold are all included, so the area may slightly exceed the share).
     */
    public double topShareThreshold(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the share of cells must lie in (0, 1]: " + share);
        }
        double[] sorted = eventsPerSquareKilometre.clone();
        java.util.Arrays.sort(sorted);
        int cells = (int) Math.max(1, Math.round(share * sorted.length));
        return sorted[sorted.length - cells];
    }
}

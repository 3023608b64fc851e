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

    /** The mean over all cells, the unit of the "2×, 3×, 4× the mean" hotspot classes. */
    public double mean() {
        double sum = 0;
        for (double v : eventsPerSquareKilometre) {
            sum += v;
        }
        return sum / grid.cellCount();
    }
}

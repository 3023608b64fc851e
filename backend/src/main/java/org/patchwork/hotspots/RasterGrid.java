package org.patchwork.hotspots;

/**
 * A north-up grid of square cells in a projected CRS (metres), rows counted from the north edge and columns
 * from the west edge, as GeoTIFF and the GDAL geotransform (west, cellSize, 0, north, 0, −cellSize) have it.
 */
public record RasterGrid(double west, double north, double cellSize, int columns, int rows) {

    public RasterGrid {
        if (!(cellSize > 0) || columns < 1 || rows < 1) {
            throw new IllegalArgumentException("a grid needs a positive cell size and at least one cell");
        }
    }

    /**
     * The grid covering [minX, maxX] × [minY, maxY] widened by margin on every side, with its edges on
     * multiples of the cell size so that surfaces of different runs line up cell for cell.
     */
    public static RasterGrid covering(double minX, double minY, double maxX, double maxY, double cellSize, double margin) {
        double west = Math.floor((minX - margin) / cellSize) * cellSize;
        double south = Math.floor((minY - margin) / cellSize) * cellSize;
        double east = Math.ceil((maxX + margin) / cellSize) * cellSize;
        double north = Math.ceil((maxY + margin) / cellSize) * cellSize;
        int columns = Math.max(1, (int) Math.round((east - west) / cellSize));
        int rows = Math.max(1, (int) Math.round((north - south) / cellSize));
        return new RasterGrid(west, north, cellSize, columns, rows);
    }

    public double east() {
        return west + columns * cellSize;
    }

    public double south() {
        return north - rows * cellSize;
    }

    public double centreX(int column) {
        return west + (column + 0.5) * cellSize;
    }

    public double centreY(int row) {
        return north - (row + 0.5) * cellSize;
    }

    public double cellAreaSquareKilometres() {
        return cellSize * cellSize / 1e6;
    }

    public int cellCount() {
        return columns * rows;
    }
}

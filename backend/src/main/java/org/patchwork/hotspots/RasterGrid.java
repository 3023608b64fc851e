package org.patchwork.hotspots;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

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

    /** The cell (row * columns + column) holding the point, west and north edges inclusive; −1 outside. */
    public int cellOf(double x, double y) {
        int column = (int) Math.floor((x - west) / cellSize);
        int row = (int) Math.floor((north - y) / cellSize);
        return column >= 0 && column < columns && row >= 0 && row < rows ? row * columns + column : -1;
    }

    /** The number of points in each cell, the input of {@link GiStar} on a square grid; outside points are left out. */
    public double[] counts(double[] x, double[] y) {
        double[] counts = new double[cellCount()];
        for (int i = 0; i < x.length; i++) {
            int cell = cellOf(x[i], y[i]);
            if (cell >= 0) {
                counts[cell]++;
            }
        }
        return counts;
    }

    /** A cell as a JTS polygon in EPSG:27700. */
    public Polygon polygon(int cell) {
        double x = west + (cell % columns) * cellSize;
        double y = north - (cell / columns + 1) * cellSize;
        GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 27700);
        return (Polygon) factory.toGeometry(new Envelope(x, x + cellSize, y, y + cellSize));
    }
}

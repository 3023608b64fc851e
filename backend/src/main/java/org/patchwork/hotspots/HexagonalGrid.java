package org.patchwork.hotspots;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * A grid of flat-topped regular hexagons with side s (= the distance from centre to corner) in metres.
 * Columns are 1.5 s apart; rows are √3 s apart, odd columns shifted north by half a row. Cells are indexed
 * row * columns + column, rows counted from the south. Hexagons have one kind of neighbour (six, each
 * sharing an edge), which is why they suit Gi* on events better than squares' edge-or-corner neighbours.
 */
public final class HexagonalGrid {

    private static final GeometryFactory BRITISH_NATIONAL_GRID = new GeometryFactory(new PrecisionModel(), 27700);

    private final double west;
    private final double south;
    private final double side;
    private final int columns;
    private final int rows;

    private HexagonalGrid(double west, double south, double side, int columns, int rows) {
        this.west = west;
        this.south = south;
        this.side = side;
        this.columns = columns;
        this.rows = rows;
    }

    /** The grid whose hexagons cover [minX, maxX] × [minY, maxY]; the first centre is at (minX, minY). */
    public static HexagonalGrid covering(double minX, double minY, double maxX, double maxY, double side) {
        if (!(side > 0) || !(maxX >= minX) || !(maxY >= minY)) {
            throw new IllegalArgumentException("a hexagonal grid needs a positive side and an extent");
        }
        int columns = (int) Math.ceil((maxX - minX) / (1.5 * side)) + 1;
        int rows = (int) Math.ceil((maxY - minY) / (Math.sqrt(3) * side)) + 1;
        return new HexagonalGrid(minX, minY, side, columns, rows);
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public int cellCount() {
        return columns * rows;
    }

    /** The area of one hexagon, (3√3 / 2) s². */
    public double cellArea() {
        return 1.5 * Math.sqrt(3) * side * side;
    }

    public double centreX(int cell) {
        return west + 1.5 * side * (cell % columns);
    }

    public double centreY(int cell) {
        int column = cell % columns;
        return south + Math.sqrt(3) * side * (cell / columns + (column % 2 == 1 ? 0.5 : 0));
    }

    /** The cell containing the point (the one with the nearest centre), or −1 outside the grid. */
    public int cellOf(double x, double y) {
        int approximateColumn = (int) Math.round((x - west) / (1.5 * side));
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int column = approximateColumn - 1; column <= approximateColumn + 1; column++) {
            double shift = Math.floorMod(column, 2) == 1 ? 0.5 : 0;
            int approximateRow = (int) Math.round((y - south) / (Math.sqrt(3) * side) - shift);
            for (int row = approximateRow - 1; row <= approximateRow + 1; row++) {
                double cx = west + 1.5 * side * column;
                double cy = south + Math.sqrt(3) * side * (row + shift);
                double d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = column >= 0 && column < columns && row >= 0 && row < rows ? row * columns + column : -1;
                }
            }
        }
        return best;
    }

    /** The six (fewer at the edge) cells sharing an edge with each cell, for {@link GiStar}. */
    public int[][] neighbours() {
        int[][] neighbours = new int[cellCount()][];
        int[] buffer = new int[6];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                // the neighbouring columns' rows: an even column meets rows r−1 and r, an odd one r and r+1
                int sideRow = column % 2 == 1 ? row : row - 1;
                int[][] candidates = {
                    {row - 1, column}, {row + 1, column},
                    {sideRow, column - 1}, {sideRow + 1, column - 1},
                    {sideRow, column + 1}, {sideRow + 1, column + 1}};
                int count = 0;
                for (int[] rc : candidates) {
                    if (rc[0] >= 0 && rc[0] < rows && rc[1] >= 0 && rc[1] < columns) {
                        buffer[count++] = rc[0] * columns + rc[1];
                    }
                }
                int[] sorted = java.util.Arrays.copyOf(buffer, count);
                java.util.Arrays.sort(sorted);
                neighbours[row * columns + column] = sorted;
            }
        }
        return neighbours;
    }

    /** The hexagon of a cell as a JTS polygon in EPSG:27700, counter-clockwise from its east corner. */
    public Polygon polygon(int cell) {
        double cx = centreX(cell);
        double cy = centreY(cell);
        Coordinate[] ring = new Coordinate[7];
        for (int k = 0; k < 6; k++) {
            double angle = Math.PI / 3 * k;
            ring[k] = new Coordinate(cx + side * Math.cos(angle), cy + side * Math.sin(angle));
        }
        ring[6] = ring[0];
        return BRITISH_NATIONAL_GRID.createPolygon(ring);
    }

    /** The number of points in each cell; points outside the grid are left out. */
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
}

package org.patchwork.hotspots;

import org.locationtech.jts.geom.Polygon;

/** A square ({@link RasterGrid}) or hexagonal ({@link HexagonalGrid}) grid as Gi* and the accuracy measures use it. */
interface GridCells {

    int cellCount();

    int cellOf(double x, double y);

    double cellArea();

    double centreX(int cell);

    double centreY(int cell);

    /** The distance from a cell's centre to its farthest corner. */
    double reach();

    int[][] queenNeighbours();

    Polygon polygon(int cell);

    /** Square cells of side {@code size}: neighbours share an edge or a corner (queen contiguity). */
    static GridCells square(double minX, double minY, double maxX, double maxY, double size) {
        return of(RasterGrid.covering(minX, minY, maxX, maxY, size, 0));
    }

    /** A raster grid's cells (a KDE surface's), indexed as the grid indexes them. */
    static GridCells of(RasterGrid grid) {
        double size = grid.cellSize();
        return new GridCells() {
            public int cellCount() {
                return grid.cellCount();
            }

            public int cellOf(double x, double y) {
                return grid.cellOf(x, y);
            }

            public double cellArea() {
                return size * size;
            }

            public double centreX(int cell) {
                return grid.centreX(cell % grid.columns());
            }

            public double centreY(int cell) {
                return grid.centreY(cell / grid.columns());
            }

            public double reach() {
                return size / Math.sqrt(2);
            }

            public int[][] queenNeighbours() {
                return SpatialWeights.queenContiguity(grid.rows(), grid.columns());
            }

            public Polygon polygon(int cell) {
                return grid.polygon(cell);
            }
        };
    }

    /** Hexagons with the area of a square of side {@code size}: neighbours share an edge (the only kind hexagons have). */
    static GridCells hexagonal(double minX, double minY, double maxX, double maxY, double size) {
        double side = size * Math.sqrt(2 / (3 * Math.sqrt(3)));
        HexagonalGrid grid = HexagonalGrid.covering(minX, minY, maxX, maxY, side);
        return new GridCells() {
            public int cellCount() {
                return grid.cellCount();
            }

            public int cellOf(double x, double y) {
                return grid.cellOf(x, y);
            }

            public double cellArea() {
                return grid.cellArea();
            }

            public double centreX(int cell) {
                return grid.centreX(cell);
            }

            public double centreY(int cell) {
                return grid.centreY(cell);
            }

            public double reach() {
                return side;
            }

            public int[][] queenNeighbours() {
                return grid.neighbours();
            }

            public Polygon polygon(int cell) {
                return grid.polygon(cell);
            }
        };
    }
}

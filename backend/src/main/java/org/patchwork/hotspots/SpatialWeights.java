package org.patchwork.hotspots;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binary spatial neighbours as adjacency lists: {@code neighbours[i]} holds the indices of i's neighbours,
 * not i itself (Gi* adds the cell itself). For areas, the caller supplies the lists (e.g. from PostGIS
 * ST_Touches for queen contiguity) in the same form.
 */
public final class SpatialWeights {

    private SpatialWeights() {
    }

    /**
     * Queen contiguity on a rows × columns grid of cells indexed row * columns + column: the up to eight
     * cells sharing an edge or a corner.
     */
    public static int[][] queenContiguity(int rows, int columns) {
        int[][] neighbours = new int[rows * columns][];
        int[] buffer = new int[8];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int count = 0;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        int rr = r + dr;
                        int cc = c + dc;
                        if ((dr != 0 || dc != 0) && rr >= 0 && rr < rows && cc >= 0 && cc < columns) {
                            buffer[count++] = rr * columns + cc;
                        }
                    }
                }
                neighbours[r * columns + c] = java.util.Arrays.copyOf(buffer, count);
            }
        }
        return neighbours;
    }

    /**
     * Fixed distance band: every other point within the distance (inclusive) in the coordinates' units.
     * Points are hashed to square buckets of the band's size, so only nearby pairs are measured.
     */
    public static int[][] distanceBand(double[] x, double[] y, double distance) {
        if (x.length != y.length || !(distance > 0)) {
            throw new IllegalArgumentException("one x and one y per point and a positive distance are needed");
        }
        Map<Long, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            buckets.computeIfAbsent(bucket(Math.floor(x[i] / distance), Math.floor(y[i] / distance)),
                    k -> new ArrayList<>()).add(i);
        }
        double d2 = distance * distance;
        int[][] neighbours = new int[x.length][];
        for (int i = 0; i < x.length; i++) {
            double bx = Math.floor(x[i] / distance);
            double by = Math.floor(y[i] / distance);
            List<Integer> found = new ArrayList<>();
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    for (int j : buckets.getOrDefault(bucket(bx + dx, by + dy), List.of())) {
                        double ex = x[j] - x[i];
                        double ey = y[j] - y[i];
                        if (j != i && ex * ex + ey * ey <= d2) {
                            found.add(j);
                        }
                    }
                }
            }
            neighbours[i] = found.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return neighbours;
    }

    /**
     * Queen contiguity of areas: two areas are neighbours when their boundaries share a vertex (as PySAL's
     * vertex-based Queen weights), which for a boundary set that tiles without gaps or overlaps, as the ONS
     * sets do, is every pair that touches at an edge or a corner. Vertices are matched exactly, by hashing, so
     * the work is linear in the number of vertices (no pairwise geometry tests).
     */
    public static int[][] queenContiguity(List<? extends org.locationtech.jts.geom.Geometry> areas) {
        Map<Vertex, int[]> owners = new HashMap<>();
        for (int i = 0; i < areas.size(); i++) {
            final int area = i;
            for (org.locationtech.jts.geom.Coordinate c : areas.get(i).getCoordinates()) {
                owners.merge(new Vertex(c.x, c.y), new int[] {area}, (seen, self) -> {
                    if (seen[seen.length - 1] == area) {
                        return seen;   // this area's own vertices come one after another
                    }
                    int[] more = java.util.Arrays.copyOf(seen, seen.length + 1);
                    more[seen.length] = area;
                    return more;
                });
            }
        }
        List<java.util.Set<Integer>> found = new ArrayList<>(areas.size());
        for (int i = 0; i < areas.size(); i++) {
            found.add(new java.util.TreeSet<>());
        }
        for (int[] shared : owners.values()) {
            for (int a = 0; a < shared.length; a++) {
                for (int b = 0; b < shared.length; b++) {
                    if (shared[a] != shared[b]) {
                        found.get(shared[a]).add(shared[b]);
                    }
                }
            }
        }
        int[][] neighbours = new int[areas.size()][];
        for (int i = 0; i < neighbours.length; i++) {
            neighbours[i] = found.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return neighbours;
    }

    private record Vertex(double x, double y) {
    }

    private static long bucket(double bx, double by) {
        return ((long) bx << 32) ^ ((long) by & 0xffffffffL);
    }
}

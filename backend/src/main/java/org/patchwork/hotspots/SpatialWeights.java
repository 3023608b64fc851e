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
     * sets do, is every pair that touches at an edge or a corner (on the 32,844 English LSOAs, exactly the pairs
     * of a PostGIS ST_Touches self-join). Vertices are matched exactly in an open-addressing hash table of
     * primitive arrays, so the work is linear in the number of vertices (no pairwise geometry tests).
     */
    public static int[][] queenContiguity(List<? extends org.locationtech.jts.geom.Geometry> areas) {
        int total = 0;
        for (org.locationtech.jts.geom.Geometry area : areas) {
            total += area.getNumPoints();
        }
        int capacity = Integer.highestOneBit(Math.max(16, total * 2 - 1)) << 1;
        int mask = capacity - 1;
        double[] slotX = new double[capacity];
        double[] slotY = new double[capacity];
        int[] head = new int[capacity];            // first occurrence at the slot + 1; 0 = empty
        int[] owner = new int[total + 1];          // occurrence -> area
        int[] next = new int[total + 1];           // occurrence -> next occurrence at the same vertex + 1
        int occurrences = 0;
        long[] pairs = new long[1024];             // (smaller area << 32) | larger area
        int pairCount = 0;
        for (int i = 0; i < areas.size(); i++) {
            final int area = i;
            for (org.locationtech.jts.geom.Coordinate c : areas.get(i).getCoordinates()) {
                long bits = Double.doubleToLongBits(c.x) * 0x9E3779B97F4A7C15L ^ Double.doubleToLongBits(c.y);
                int slot = (int) ((bits ^ (bits >>> 29) ^ (bits >>> 47)) & mask);
                while (head[slot] != 0 && (slotX[slot] != c.x || slotY[slot] != c.y)) {
                    slot = (slot + 1) & mask;
                }
                if (head[slot] == 0) {
                    slotX[slot] = c.x;
                    slotY[slot] = c.y;
                    owner[occurrences] = area;
                    head[slot] = ++occurrences;
                    continue;
                }
                boolean seen = false;
                for (int k = head[slot]; k != 0; k = next[k - 1]) {
                    int other = owner[k - 1];
                    if (other == area) {
                        seen = true;
                        break;
                    }
                }
                if (seen) {
                    continue;
                }
                for (int k = head[slot]; k != 0; k = next[k - 1]) {
                    int other = owner[k - 1];
                    if (pairCount == pairs.length) {
                        pairs = java.util.Arrays.copyOf(pairs, pairs.length * 2);
                    }
                    pairs[pairCount++] = ((long) Math.min(other, area) << 32) | Math.max(other, area);
                }
                owner[occurrences] = area;
                next[occurrences] = head[slot];
                head[slot] = ++occurrences;
            }
        }
        java.util.Arrays.sort(pairs, 0, pairCount);
        int[] degree = new int[areas.size()];
        long previous = -1;
        for (int k = 0; k < pairCount; k++) {
            if (pairs[k] != previous) {
                degree[(int) (pairs[k] >>> 32)]++;
                degree[(int) pairs[k]]++;
                previous = pairs[k];
            }
        }
        int[][] neighbours = new int[areas.size()][];
        for (int i = 0; i < neighbours.length; i++) {
            neighbours[i] = new int[degree[i]];
        }
        int[] filled = new int[areas.size()];
        previous = -1;
        for (int k = 0; k < pairCount; k++) {
            if (pairs[k] != previous) {
                int a = (int) (pairs[k] >>> 32);
                int b = (int) pairs[k];
                neighbours[a][filled[a]++] = b;
                neighbours[b][filled[b]++] = a;
                previous = pairs[k];
            }
        }
        for (int[] list : neighbours) {
            java.util.Arrays.sort(list);
        }
        return neighbours;
    }

    private static long bucket(double bx, double by) {
        return ((long) bx << 32) ^ ((long) by & 0xffffffffL);
    }
}

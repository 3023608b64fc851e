package org.patchwork.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The interval attack of a determined user on published counts: every published value v is read as the
 * interval its method allows for the true count ([v−D, v+D] ∩ [0, ∞) for perturbation, widened by half
 * the rounding), cells never published are [0, ∞), and every additive relation the user knows (an area
 * is the sum of its LSOAs, of its MSOAs or wards where they nest; a quarter the sum of its months, a year
 * of its months and of its quarters; all crime types the sum of the types; a type's total over the
 * dataset the sum of its districts and the outside count) narrows the intervals:
 * for P = C1 + … + Cn, lo(P) ≥ Σ lo(C), hi(P) ≤ Σ hi(C), lo(Cj) ≥ lo(P) − Σ_{i≠j} hi(Ci),
 * hi(Cj) ≤ hi(P) − Σ_{i≠j} lo(Ci), repeated until nothing moves. Pooling users is the intersection of
 * their intervals. A cell whose interval is one value is pinned.
 */
final class BoundsAttack {

    static final long UNBOUNDED = Long.MAX_VALUE / 1024;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private long[] lo = new long[1024];
    private long[] hi = new long[1024];
    private final List<int[]> relations = new ArrayList<>();   // [parent, child...]

    /** The id of a cell, created unknown ([0, ∞)) on first use. */
    int cell(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        int next = names.size();
        if (next == lo.length) {
            lo = java.util.Arrays.copyOf(lo, next * 2);
            hi = java.util.Arrays.copyOf(hi, next * 2);
        }
        lo[next] = 0;
        hi[next] = UNBOUNDED;
        names.add(name);
        ids.put(name, next);
        return next;
    }

    Integer find(String name) {
        return ids.get(name);
    }

    int size() {
        return names.size();
    }

    String name(int id) {
        return names.get(id);
    }

    /** parent = Σ children. */
    void relate(String parent, List<String> children) {
        int[] relation = new int[children.size() + 1];
        relation[0] = cell(parent);
        for (int i = 0; i < children.size(); i++) {
            relation[i + 1] = cell(children.get(i));
        }
        relations.add(relation);
    }

    /** What one published value says: the true count is within {@code slack} of it, and not negative. */
    void published(String name, long value, long slack) {
        int id = cell(name);
        lo[id] = Math.max(lo[id], Math.max(0, value - slack));
        hi[id] = Math.min(hi[id], value + slack);
    }

    long lo(int id) {
        return lo[id];
    }

    long hi(int id) {
        return hi[id];
    }

    /** Propagates the relations until no bound moves (or {@code maxPasses}); returns the passes made. */
    int propagate(int maxPasses) {
        for (int pass = 1; pass <= maxPasses; pass++) {
            boolean moved = false;
            for (int[] relation : relations) {
                moved |= narrow(relation);
            }
            if (!moved) {
                return pass;
            }
        }
        return maxPasses;
    }

    /** One relation, with the sums taken before it narrows anything (sound: older bounds are only wider). */
    private boolean narrow(int[] r) {
        long sumLo = 0;
        long sumHi = 0;
        for (int i = 1; i < r.length; i++) {
            sumLo += lo[r[i]];
            sumHi = Math.min(UNBOUNDED, sumHi + hi[r[i]]);
        }
        boolean moved = false;
        int p = r[0];
        if (sumLo > lo[p]) {
            lo[p] = sumLo;
            moved = true;
        }
        if (sumHi < hi[p]) {
            hi[p] = sumHi;
            moved = true;
        }
        for (int i = 1; i < r.length; i++) {
            int c = r[i];
            if (sumHi < UNBOUNDED) {
                long low = lo[p] - (sumHi - hi[c]);
                if (low > lo[c]) {
                    lo[c] = low;
                    moved = true;
                }
            }
            if (hi[p] < UNBOUNDED) {
                long high = hi[p] - (sumLo - lo[c]);
                if (high < hi[c]) {
                    hi[c] = high;
                    moved = true;
                }
            }
        }
        return moved;
    }
}

package org.patchwork.disclosure;

/**
 * How one person's figures are protected: exactly as they are (record-level access or open data), or
 * perturbed with the aggregate or the public ptable and then rounded to the nearest {@code rounding}.
 */
public record Protection(Tier tier, int rounding) {

    public enum Tier { EXACT, AGGREGATE, PUBLIC }

    public static final Protection EXACT = new Protection(Tier.EXACT, 1);

    public Protection {
        if (rounding < 1) {
            throw new IllegalArgumentException("rounding must be >= 1");
        }
    }

    public boolean exact() {
        return tier == Tier.EXACT;
    }
}

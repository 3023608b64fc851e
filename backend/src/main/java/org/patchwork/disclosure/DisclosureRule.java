package org.patchwork.disclosure;

/**
 * How counts are protected: counts from 1 to {@code maxSuppressed} are suppressed, and published
 * counts are rounded to the nearest {@code rounding} (1 = not rounded). Zero is published as zero.
 */
public record DisclosureRule(int maxSuppressed, int rounding) {

    /** For users whose agreement gives record-level access: counts as they are. */
    public static final DisclosureRule NONE = new DisclosureRule(0, 1);

    public DisclosureRule {
        if (maxSuppressed < 0 || rounding < 1) {
            throw new IllegalArgumentException("maxSuppressed must be >= 0 and rounding >= 1");
        }
    }

    public boolean isSmall(long count) {
        return count >= 1 && count <= maxSuppressed;
    }

    public long round(long count) {
        return rounding == 1 ? count : Math.round((double) count / rounding) * rounding;
    }
}

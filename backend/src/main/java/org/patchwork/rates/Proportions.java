package org.patchwork.rates;

/**
 * Proportions with Wilson score intervals, as Fingertips (PHE, "Technical Guide: Confidence intervals";
 * PHEindicatormethods::phe_proportion): for O of n and z the normal critical value,
 * (2O + z² ∓ z√(z² + 4O(1 − O/n))) / (2(n + z²)). Unlike the normal approximation it stays inside [0, 1]
 * and is defined for 0 of n and n of n.
 */
public final class Proportions {

    private Proportions() {
    }

    /** O / n as a fraction (multiply by 100 for a percentage), with its intervals. */
    public static Estimate proportion(double count, double denominator) {
        if (!(denominator > 0) || !(count >= 0) || count > denominator) {
            throw new IllegalArgumentException(
                    "a proportion needs 0 <= count <= denominator and denominator > 0: " + count + " of " + denominator);
        }
        return new Estimate(count / denominator,
                wilson(count, denominator, ConfidenceLevel.NINETY_FIVE),
                wilson(count, denominator, ConfidenceLevel.NINETY_NINE_POINT_EIGHT));
    }

    static Interval wilson(double count, double n, ConfidenceLevel level) {
        double z = level.z();
        double centre = 2 * count + z * z;
        double spread = z * Math.sqrt(z * z + 4 * count * (1 - count / n));
        double scale = 2 * (n + z * z);
        // clamp the last ulp: at 0 of n and n of n the limits are exactly 0 and 1
        return new Interval(count == 0 ? 0 : (centre - spread) / scale, count == n ? 1 : (centre + spread) / scale);
    }
}

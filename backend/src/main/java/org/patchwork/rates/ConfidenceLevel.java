package org.patchwork.rates;

/** The two confidence levels Fingertips publishes: 95% (about 2 standard errors) and 99.8% (about 3). */
public enum ConfidenceLevel {
    NINETY_FIVE(0.95),
    NINETY_NINE_POINT_EIGHT(0.998);

    private final double confidence;
    private final double z;

    ConfidenceLevel(double confidence) {
        this.confidence = confidence;
        this.z = Distributions.normalQuantile(1 - tail(confidence));
    }

    public double confidence() {
        return confidence;
    }

    /** The probability left in each tail: 0.025 for 95%, 0.001 for 99.8%. */
    public double tailProbability() {
        return tail(confidence);
    }

    /** The two-sided standard normal critical value: 1.959964 for 95%, 3.090232 for 99.8%. */
    public double z() {
        return z;
    }

    private static double tail(double confidence) {
        return (1 - confidence) / 2;
    }
}

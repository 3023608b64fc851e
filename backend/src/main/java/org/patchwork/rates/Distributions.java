package org.patchwork.rates;

/**
 * The few distribution functions the Fingertips methods and the hotspot tests need, in plain Java so the
 * application carries no statistics library. Accurate to about 1e-13 relative, including far tails
 * (the normal tail at z = 37 is about 6e-300), which the hotspot p-values and their FDR correction rely on.
 *
 * <p>Methods: log-gamma by Lanczos (g = 7, 9 terms); regularised incomplete gamma by its series below
 * a + 1 and Lentz's continued fraction above (Numerical Recipes, 3rd ed., 6.2); regularised incomplete
 * beta by its continued fraction (ibid., 6.4); the normal quantile by Acklam's rational approximation
 * refined by Halley steps on the exact tail; other quantiles by bisection on the distribution function.
 */
public final class Distributions {

    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final double EPSILON = 1e-16;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 10_000;

    private Distributions() {
    }

    /** ln Γ(x) for x > 0. */
    public static double logGamma(double x) {
        if (x < 0.5) {
            // reflection keeps the approximation in its accurate range
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** P(a, x) = γ(a, x) / Γ(a): the gamma(shape a, scale 1) distribution function at x. */
    public static double regularizedGammaP(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
    }

    /** Q(a, x) = 1 − P(a, x), computed directly so that small upper tails keep their precision. */
    public static double regularizedGammaQ(double a, double x) {
        if (x <= 0) {
            return 1;
        }
        return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
    }

    private static double gammaSeries(double a, double x) {
        double term = 1 / a;
        double sum = term;
        for (int n = 1; n < MAX_ITERATIONS; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    private static double gammaContinuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < TINY ? TINY : d;
            c = b + an / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** I_x(a, b): the beta(a, b) distribution function at x. */
    public static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b)
                + a * Math.log(x) + b * Math.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaContinuedFraction(x, a, b) / a;
        }
        return 1 - front * betaContinuedFraction(1 - x, b, a) / b;
    }

    private static double betaContinuedFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        d = Math.abs(d) < TINY ? TINY : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m < MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return h;
    }

    /** P(Z > z) for a standard normal Z, precise far into the tail. */
    public static double normalUpperTail(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        double half = 0.5 * regularizedGammaQ(0.5, 0.5 * z * z);
        return z >= 0 ? half : 1 - half;
    }

    /** Φ(z) = P(Z ≤ z). */
    public static double normalCdf(double z) {
        return normalUpperTail(-z);
    }

    /** The two-sided p-value of a standard normal test statistic: 2 P(Z > |z|). */
    public static double twoSidedNormalP(double z) {
        return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
    }

    /** Φ⁻¹(p) for 0 < p < 1. */
    public static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            if (p == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (p == 1) {
                return Double.POSITIVE_INFINITY;
            }
            throw new IllegalArgumentException("probability must lie in [0, 1]: " + p);
        }
        double x = acklam(p);
        for (int i = 0; i < 2; i++) {
            double e = normalCdf(x) - p;
            double u = e * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
            x = x - u / (1 + x * u / 2);
        }
        return x;
    }

    private static double acklam(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
        double low = 0.02425;
        if (p < low || p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
            double x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
            return p < low ? x : -x;
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /** The p-quantile of the gamma(shape, scale 1) distribution: x with P(shape, x) = p. */
    public static double gammaQuantile(double shape, double p) {
        if (p <= 0) {
            return 0;
        }
        double hi = Math.max(1, shape);
        while (regularizedGammaP(shape, hi) < p) {
            hi *= 2;
        }
        return bisect(x -> regularizedGammaP(shape, x) - p, 0, hi);
    }

    /** The p-quantile of the chi-square distribution with df degrees of freedom. */
    public static double chiSquareQuantile(double p, double df) {
        return 2 * gammaQuantile(df / 2, p);
    }

    /** P(X > x) for X chi-square with df degrees of freedom. */
    public static double chiSquareUpperTail(double x, double df) {
        return regularizedGammaQ(df / 2, x / 2);
    }

    /** P(T ≤ t) for Student's t with df degrees of freedom. */
    public static double studentTCdf(double t, double df) {
        double tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /** The p-quantile of Student's t with df degrees of freedom. */
    public static double studentTQuantile(double p, double df) {
        if (p == 0.5) {
            return 0;
        }
        if (p < 0.5) {
            return -studentTQuantile(1 - p, df);
        }
        double hi = 2;
        while (studentTCdf(hi, df) < p) {
            hi *= 2;
        }
        return bisect(t -> studentTCdf(t, df) - p, 0, hi);
    }

    /** P(X ≤ k) for X Poisson with the given mean; 0 when k < 0. */
    public static double poissonCdf(long k, double mean) {
        if (k < 0) {
            return 0;
        }
        return mean <= 0 ? 1 : regularizedGammaQ(k + 1, mean);
    }

    /** P(X ≤ k) for X binomial(n, probability); 0 when k < 0, 1 when k ≥ n. */
    public static double binomialCdf(long k, long n, double probability) {
        if (k < 0) {
            return 0;
        }
        if (k >= n) {
            return 1;
        }
        return regularizedBeta(1 - probability, n - k, k + 1.0);
    }

    private static double bisect(java.util.function.DoubleUnaryOperator increasing, double lo, double hi) {
        for (int i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(hi)); i++) {
            double mid = 0.5 * (lo + hi);
            if (increasing.applyAsDouble(mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}

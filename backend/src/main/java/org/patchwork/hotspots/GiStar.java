package org.patchwork.hotspots;

import org.patchwork.rates.Distributions;

/**
 * Getis-Ord Gi* with binary weights that include the cell itself, as z-scores by Ord and Getis (1995)
 * (and R spdep's {@code localG} on a listw with {@code include.self}):
 * Gi* = (Σⱼ wᵢⱼxⱼ − x̄ Wᵢ) / (S √((n S1ᵢ − Wᵢ²) / (n − 1))), with Wᵢ = Σⱼ wᵢⱼ, S1ᵢ = Σⱼ wᵢⱼ² (= Wᵢ for binary
 * weights), x̄ the mean and S = √(Σ x²/n − x̄²) over all n cells.
 *
 * <p>p-values are two-sided from the normal distribution, adjusted by Benjamini–Hochberg over all cells,
 * and each cell gets the ArcGIS "Gi_Bin" class: ±3, ±2, ±1 for adjusted p below 0.01, 0.05, 0.10 (99%,
 * 95%, 90% confidence) with the sign of z, else 0. Where z is undefined (all values equal, or a cell whose
 * neighbourhood is every cell) it is reported as 0 with p = 1.
 */
public final class GiStar {

    /** Per cell, in input order: z-score, two-sided p, BH-adjusted p and class −3..3. */
    public record Result(double[] z, double[] p, double[] adjustedP, int[] classes) {
    }

    private GiStar() {
    }

    /** values[i] for each cell or area, neighbours[i] its neighbours' indices (self excluded, no duplicates). */
    public static Result compute(double[] values, int[][] neighbours) {
        int n = values.length;
        if (neighbours.length != n || n < 2) {
            throw new IllegalArgumentException("one neighbour list per value and at least two values are needed");
        }
        double sum = 0;
        double squares = 0;
        for (double v : values) {
            sum += v;
            squares += v * v;
        }
        double mean = sum / n;
        double s = Math.sqrt(Math.max(0, squares / n - mean * mean));
        double[] z = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double local = values[i];
            int weight = 1;
            for (int j : neighbours[i]) {
                if (j != i) {
                    local += values[j];
                    weight++;
                }
            }
            double variance = (n * (double) weight - (double) weight * weight) / (n - 1);
            double zi = s > 0 && variance > 0 ? (local - mean * weight) / (s * Math.sqrt(variance)) : 0;
            z[i] = zi;
            p[i] = Distributions.twoSidedNormalP(zi);
        }
        double[] adjusted = FalseDiscoveryRate.benjaminiHochberg(p);
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = confidenceClass(z[i], adjusted[i]);
        }
        return new Result(z, p, adjusted, classes);
    }

    static int confidenceClass(double z, double p) {
        int level = p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.10 ? 1 : 0;
        return (int) Math.signum(z) * level;
    }
}

package org.mecopt.latency;

/** Fairness measures of seed 001's figures. */
public final class Fairness {
    private Fairness() {
    }

    /**
     * The Gini index {@code Σ_i Σ_j |x_i − x_j| / (2 n² mean)} of non-negative values: 0 when all
     * are equal, approaching 1 when one value holds everything. Computed in O(n log n) from the
     * sorted values: {@code Σ_i (2i − n + 1) x_(i) / (n² mean)}.
     */
    public static double gini(double[] values) {
        int n = values.length;
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            sum += sorted[i];
            weighted += (2.0 * i - n + 1) * sorted[i];
        }
        return sum == 0 ? 0 : weighted / (n * sum);
    }
}

package org.mecopt.models.learning;

/** Empirical quantiles, as every evaluation reports them. */
public final class Quantiles {
    private Quantiles() {
    }

    /** The nearest-rank quantile {@code q ∈ [0, 1]} of values sorted ascending. */
    public static double of(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}

package org.mecopt.deadline.policy;

import org.mecopt.api.Check;
import org.mecopt.deadline.EpisodeInfo;

/**
 * Seed 000's baseline: the CPU flat out ({@code α = 1}) and fractional power control on the
 * large-scale gains, {@code p_k = p_max (Σ_m β_mk)^(−v) / max_i (Σ_m β_mi)^(−v)}, i.e.
 * {@code η_k = (min_i Σβ_i / Σβ_k)^v}: the weakest user transmits at p_max, stronger ones less.
 * Guarantees nothing about deadlines; uses the large-scale gains of all users (known at the start
 * of an episode), no small-scale fading.
 */
public final class HeuristicPolicy implements DeadlinePolicy {
    public static final String NAME = "heuristic";
    private final double exponent;
    private double[] eta = new double[0];

    /** @param exponent v (1 in the paper) */
    public HeuristicPolicy(double exponent) {
        this.exponent = Check.nonNegative("v", exponent);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void begin(EpisodeInfo episode) {
        double min = Double.POSITIVE_INFINITY;
        for (double b : episode.sumBeta()) {
            min = Math.min(min, b);
        }
        eta = new double[episode.users()];
        for (int u = 0; u < eta.length; u++) {
            eta[u] = Math.min(1, Math.pow(min / episode.sumBeta(u), exponent));
        }
    }

    @Override
    public double[][] act(StepView view) {
        double[][] a = new double[view.users()][];
        for (int u = 0; u < a.length; u++) {
            a[u] = new double[] {1, eta[u]};
        }
        return a;
    }
}

package org.mecopt.models.beamforming;

import org.mecopt.api.InvalidInstanceException;

/**
 * How the self-supervised loss combines its tasks (MODEL.md §5, our reconstruction).
 *
 * @param weighting {@link Weighting#UNCERTAINTY}: the 1 + I + B tasks with NFL/EL losses and learned
 *     uncertainty weights (seed 002's multi-task loss); {@link Weighting#PENALTY}: the ablation,
 *     {@code −WSR/U + penalty · (Σ_i max(0, z_i) + Σ_b max(0, z_b))}
 * @param rateLoss NFL or EL on each user's minimum-rate task {@code z_i = 1 − r_i/r_i^min}
 * @param rateDepth its saturation depth (x1 for NFL, x2 for EL)
 * @param powerLoss NFL or EL on each station's power task {@code z_b = P_b/P_b^max − 1} (the raw beams'
 *     power relative to the limit, before the projection)
 * @param powerDepth its saturation depth
 * @param penalty the weight of violations in the ablation's loss and in the validation criterion
 * @param maxLogVariance the bound on the learned log-variances ({@link UncertaintyWeights})
 */
public record LossSettings(Weighting weighting, TaskLoss rateLoss, double rateDepth, TaskLoss powerLoss,
                           double powerDepth, double penalty, double maxLogVariance) {
    /** How the tasks are combined. */
    public enum Weighting {
        UNCERTAINTY("uncertainty"), PENALTY("penalty");

        private final String id;

        Weighting(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Weighting parse(String text) {
            for (Weighting w : values()) {
                if (w.id.equalsIgnoreCase(text)) {
                    return w;
                }
            }
            throw new InvalidInstanceException("--loss", text, "must be uncertainty or penalty");
        }
    }

    public LossSettings {
        if (weighting == null || rateLoss == null || powerLoss == null) {
            throw new InvalidInstanceException("loss", null, "weighting, rate loss and power loss are required");
        }
        positive("--rate-depth", rateDepth);
        positive("--power-depth", powerDepth);
        positive("--max-log-variance", maxLogVariance);
        if (!(penalty >= 0) || !Double.isFinite(penalty)) {
            throw new InvalidInstanceException("--penalty", penalty, "must be finite and >= 0");
        }
    }

    private static void positive(String field, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidInstanceException(field, v, "must be finite and > 0");
        }
    }

    /**
     * Uncertainty weighting, NFL (x1 = 0.1) on the rates, EL (x2 = 0.01) on the powers, penalty 1,
     * log-variances within ±1. Why these: a met task's saturating branch still pulls (slope
     * {@code x1²/(x1 − z)²} for NFL, {@code e^{z/x2}} for EL), and Kendall's weights grow as a task's
     * loss shrinks, which at equilibrium turns every task into its logarithm — the rate tasks into
     * proportional fairness {@code Σ log r_i}, the power tasks into a reward for unused power. With
     * depth 1 and bound 6, a short training on B=2, M=2, I=4, N=2 ended at 10.3 Mbit/s against 11.8
     * for the penalty loss; with these defaults, at 11.85 (docs/subcarrier-beamforming-learning.md).
     */
    public static LossSettings defaults() {
        return new LossSettings(Weighting.UNCERTAINTY, TaskLoss.NFL, 0.1, TaskLoss.EL, 0.01, 1, 1);
    }

    public LossSettings withWeighting(Weighting w) {
        return new LossSettings(w, rateLoss, rateDepth, powerLoss, powerDepth, penalty, maxLogVariance);
    }

    public LossSettings withRateLoss(TaskLoss t, double depth) {
        return new LossSettings(weighting, t, depth, powerLoss, powerDepth, penalty, maxLogVariance);
    }

    public LossSettings withPowerLoss(TaskLoss t, double depth) {
        return new LossSettings(weighting, rateLoss, rateDepth, t, depth, penalty, maxLogVariance);
    }

    public LossSettings withMaxLogVariance(double bound) {
        return new LossSettings(weighting, rateLoss, rateDepth, powerLoss, powerDepth, penalty, bound);
    }

    public LossSettings withPenalty(double p) {
        return new LossSettings(weighting, rateLoss, rateDepth, powerLoss, powerDepth, p, maxLogVariance);
    }
}

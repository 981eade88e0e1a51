package org.mecopt.models.beamforming;

import ai.djl.ndarray.NDArray;
import org.mecopt.api.InvalidInstanceException;

/**
 * Learned uncertainty weights for multi-task losses (Kendall, Gal and Cipolla, CVPR 2018): task
 * {@code t} with loss {@code L_t} and a learned log-variance {@code s_t} contributes
 * {@code ½ e^{−s_t} L_t + ½ s_t}. For fixed {@code L_t > 0} this is smallest at {@code s_t = ln L_t},
 * where it equals {@code ½ (1 + ln L_t)}: at equilibrium the weighting is a sum of log-losses, so
 * every task's gradient is scaled by the inverse of its own loss and no task dominates by its units.
 *
 * <p><b>The guard.</b> Kendall's form assumes {@code L_t ≥ 0}. Our task losses are not: a met
 * constraint gives a negative NFL/EL value, and a weighted sum rate to maximize is a negative loss.
 * With {@code L_t < 0} the term {@code ½ e^{−s} L_t + ½ s} has no minimum — it falls without bound
 * as {@code s → −∞}, the weight {@code e^{−s}} runs off to infinity, and that one task (already met)
 * takes over the whole loss. Two things prevent it:
 * <ol>
 * <li>every task loss is shifted by its known infimum before weighting, so that what is weighted is
 *     positive: {@code NFL + x1 = x1²/(x1 − z) > 0}, {@code EL + x2 = x2·e^{z/x2} > 0} where the task
 *     is met, and the sum-rate task is {@code 1 − WSR/U ∈ [0, 1]} with {@code U} a per-instance
 *     upper bound on the weighted sum rate (see {@link BeamformingLoss}); the shift changes no
 *     gradient of the network, only the weights' own equilibrium;</li>
 * <li>a positive loss can still approach 0 (a deeply met constraint: {@code x1²/(x1 − z) → 0}),
 *     sending {@code ln L_t} and so the weight to infinity; so the log-variance is bounded smoothly,
 *     {@code s = S·tanh(raw/S)} with {@code S = maxLogVariance}: each weight stays within
 *     {@code [e^{−S}, e^{S}]}, and unlike a hard clip the raw parameter keeps a gradient and can come
 *     back when its task's loss grows again.</li>
 * </ol>
 * {@code UncertaintyWeightsTest} shows the runaway without the guard and the bounded equilibrium with it.
 *
 * @param maxLogVariance the bound {@code S} on {@code |s_t|}
 */
public record UncertaintyWeights(double maxLogVariance) {
    /** The default bound: weights within e^±6 ≈ [0.0025, 403] of each other. */
    public static final double DEFAULT_MAX_LOG_VARIANCE = 6;

    public UncertaintyWeights {
        if (!(maxLogVariance > 0) || !Double.isFinite(maxLogVariance)) {
            throw new InvalidInstanceException("maxLogVariance", maxLogVariance, "must be finite and > 0");
        }
    }

    /** The bounded log-variance of a raw parameter value. */
    public double logVariance(double raw) {
        return maxLogVariance * Math.tanh(raw / maxLogVariance);
    }

    /** The weighted loss of one task, {@code ½ e^{−s} L + ½ s} with {@code s} bounded. */
    public double term(double shiftedLoss, double raw) {
        double s = logVariance(raw);
        return 0.5 * Math.exp(-s) * shiftedLoss + 0.5 * s;
    }

    /** Its derivative in the raw parameter. */
    public double termSlopeInRaw(double shiftedLoss, double raw) {
        double s = logVariance(raw);
        double t = Math.tanh(raw / maxLogVariance);
        return (-0.5 * Math.exp(-s) * shiftedLoss + 0.5) * (1 - t * t);
    }

    /**
     * The batch mean of {@code Σ_t ½ e^{−s_t} L_t + ½ s_t}.
     *
     * @param shiftedLosses (batch, T) task losses, each already shifted to be ≥ 0
     * @param raw (T) or (1, T) raw log-variance parameters
     */
    public NDArray combine(NDArray shiftedLosses, NDArray raw) {
        NDArray s = raw.reshape(1, -1).div((float) maxLogVariance).tanh().mul((float) maxLogVariance);
        return shiftedLosses.mul(s.neg().exp()).add(s).mul(0.5f).sum(new int[] {1}).mean();
    }

    /** The weights {@code ½ e^{−s_t}} the raw parameters give (for the manifest and curves). */
    public double[] weights(float[] raw) {
        double[] w = new double[raw.length];
        for (int t = 0; t < raw.length; t++) {
            w[t] = 0.5 * Math.exp(-logVariance(raw[t]));
        }
        return w;
    }
}

package org.mecopt.models.beamforming;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;

/**
 * The self-supervised loss of a learned beamformer, computed from the channel and the network's
 * outputs alone (no labels; MODEL.md §5, our reconstruction). From the raw beams and allocation
 * logits: the beams are projected onto the station limits ({@link PowerProjection}), each user's
 * beam on a subcarrier is multiplied by its allocation gate {@code σ(logit)} (soft scheduling; power
 * can only fall, so the beams stay feasible), then the SINR and rates ({@link RateTensors}).
 *
 * <p>The 1 + I + B tasks, each a per-sample value:
 * <ul>
 * <li>the objective, {@code t_0 = 1 − Σ_i α_i r_i / U ∈ [0, 1]} (rates in bit/s/Hz summed over
 *     subcarriers), with {@code U} the interference-free bound with the stations' power pooled
 *     ({@link BeamformingSample#interferenceFreeBound}), so {@code t_0 ≥ 0} — the normalization makes
 *     instances of very different SNR comparable and keeps the task nonnegative for the uncertainty
 *     weights;</li>
 * <li>per user, the minimum rate: {@code z_i = 1 − r_i / r_i^min} through NFL or EL;</li>
 * <li>per station, the power: {@code z_b = P_b/P_b^max − 1} of the raw beams through NFL or EL. The
 *     projection makes every output feasible whatever this task says; the task keeps the raw output
 *     near the ball, where the projection is the identity and the network, not the projection,
 *     sets the power level.</li>
 * </ul>
 * They are combined by {@link UncertaintyWeights} (shifted by their infima, the guard) or, as the
 * ablation, as {@code t_0 + penalty · (Σ max(0, z_i) + Σ max(0, z_b))}. The validation criterion,
 * the same whatever the weighting, is {@code −WSR/U + penalty · mean_i max(0, z_i)}.
 */
public final class BeamformingLoss {
    /** Keeps {@code 1 − r/r^min} finite for a user without a minimum rate (its task is then always met). */
    private static final float TINY_RATE = 1e-6f;

    private BeamformingLoss() {
    }

    /**
     * What the tasks are made of, per sample.
     *
     * @param wsrShare {@code Σ α r / U}, (S)
     * @param rateZ {@code 1 − r_i/r_i^min}, (S, I)
     * @param powerZ {@code P_b/P_b^max − 1} of the raw beams, (S, B)
     * @param spectralEfficiency {@code r_i} in bit/s/Hz summed over subcarriers, (S, I)
     */
    public record Terms(NDArray wsrShare, NDArray rateZ, NDArray powerZ, NDArray spectralEfficiency) {
    }

    /**
     * @param rawRe raw beams' real parts in √W, before the projection, (S, N, I, B·M)
     * @param rawIm their imaginary parts
     * @param gateLogits allocation logits, (S, N, I), or null for no gating (every gate 1)
     * @param c the batch's {@link BeamformingBatch} context
     * @param common one projection factor for all stations ({@link PowerProjection})
     */
    public static Terms terms(NDArray rawRe, NDArray rawIm, NDArray gateLogits, NDList c, Dimensions d, boolean common) {
        NDArray ratio = RateTensors.stationPower(rawRe, rawIm, d.stations()).div(BeamformingBatch.maxPower(c));
        NDArray factors = PowerProjection.factors(ratio, common);
        NDArray wRe = PowerProjection.apply(rawRe, factors, d.antennas());
        NDArray wIm = PowerProjection.apply(rawIm, factors, d.antennas());
        if (gateLogits != null) {
            NDArray gate = Activation.sigmoid(gateLogits).expandDims(3);
            wRe = wRe.mul(gate);
            wIm = wIm.mul(gate);
        }
        NDArray se = RateTensors.spectralEfficiency(RateTensors.sinr(BeamformingBatch.channelRe(c),
                BeamformingBatch.channelIm(c), wRe, wIm));
        NDArray wsr = se.mul(BeamformingBatch.weights(c)).sum(new int[] {1});
        NDArray minSe = BeamformingBatch.minSpectralEfficiency(c);
        NDArray rateZ = minSe.sub(se).div(minSe.maximum(TINY_RATE));
        return new Terms(wsr.div(BeamformingBatch.bound(c)), rateZ, ratio.sub(1f), se);
    }

    /** The training loss, a scalar. */
    public static NDArray loss(Terms t, NDArray logVariance, LossSettings s) {
        NDArray objective = t.wsrShare().neg().add(1f).expandDims(1);
        if (s.weighting() == LossSettings.Weighting.PENALTY) {
            NDArray violation = t.rateZ().maximum(0f).sum(new int[] {1}).add(t.powerZ().maximum(0f).sum(new int[] {1}));
            return objective.squeeze(1).add(violation.mul((float) s.penalty())).mean();
        }
        NDArray rate = s.rateLoss().value(t.rateZ(), s.rateDepth()).add((float) s.rateDepth());
        NDArray power = s.powerLoss().value(t.powerZ(), s.powerDepth()).add((float) s.powerDepth());
        NDArray shifted = objective.concat(rate, 1).concat(power, 1);
        return new UncertaintyWeights(s.maxLogVariance()).combine(shifted, logVariance);
    }

    /** The validation criterion: {@code −WSR/U + penalty · mean_i max(0, z_i)}, batch mean. */
    public static NDArray validation(Terms t, LossSettings s) {
        return t.wsrShare().neg().add(t.rateZ().maximum(0f).mean(new int[] {1}).mul((float) s.penalty())).mean();
    }

    /** Tasks: the objective, one per user, one per station. */
    public static int tasks(Dimensions d) {
        return 1 + d.users() + d.stations();
    }
}

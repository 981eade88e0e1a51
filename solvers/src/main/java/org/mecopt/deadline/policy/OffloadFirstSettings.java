package org.mecopt.deadline.policy;

import org.mecopt.api.Check;
import org.mecopt.api.InvalidInstanceException;

/**
 * The knobs of the {@link OffloadFirst} rule that {@link JustInTimePolicy} and
 * {@link PerStepOptimalPolicy} share (all ours; defaults chosen on tuning seeds 500 000…500 039,
 * never the evaluation seeds, docs/deadline-energy.md).
 *
 * @param theta        fraction θ ∈ (0,1) of its edge share a user aims to use: the uplink rate
 *                     {@code r θ/(1−θ)} (r the edge rate) offloads {@code θ τ r} bits; 0.8
 * @param localRule    how a task that cannot finish this step uses its CPU; {@code PREDICTIVE}
 * @param baseCpuShare with {@code PREDICTIVE}: the CPU share of a task that the prediction does not
 *                     see finishing (the prediction assumes the others' remainders stay, which is
 *                     pessimistic: tasks end and are dropped); 0.3 — the knob between energy and
 *                     reliability (1 = most reliable, 0 = leanest). 0.3 is the largest share whose
 *                     energy stayed ≥ 10 % below that of offloading flat out without local computing
 *                     (α = 0, η = 1, the operating point the trained MADDPG actor converged to) for
 *                     both classes on the tuning seeds
 */
public record OffloadFirstSettings(double theta, LocalRule localRule, double baseCpuShare) {

    /** θ = 0.8, predictive local computing, base CPU share 0.3. */
    public static final OffloadFirstSettings DEFAULTS = new OffloadFirstSettings(0.8, LocalRule.PREDICTIVE, 0.3);

    /** How a task that cannot finish in this step uses its CPU. */
    public enum LocalRule {
        /** Not at all. */
        NONE,
        /** For the shortfall of its offloaded bits to the pace {@code Q / steps left}. */
        PACE,
        /**
         * The least constant CPU share that, with the edge share as it is now, finishes the task by its
         * deadline; {@code baseCpuShare} when no share does.
         */
        PREDICTIVE
    }

    public OffloadFirstSettings {
        if (!(theta > 0 && theta < 1)) {
            throw new InvalidInstanceException("theta", theta, "must be in (0, 1)");
        }
        Check.present("localRule", localRule);
        if (!(baseCpuShare >= 0 && baseCpuShare <= 1)) {
            throw new InvalidInstanceException("baseCpuShare", baseCpuShare, "must be in [0, 1]");
        }
    }

    public OffloadFirstSettings withBaseCpuShare(double share) {
        return new OffloadFirstSettings(theta, localRule, share);
    }
}

package org.mecopt.deadline.policy;

import org.mecopt.deadline.DeadlineEnergyConfig;

/**
 * The step rule both classical policies of ours follow for one user; they differ only in what they
 * know (exact edge rates and gains, or the user's own estimates).
 *
 * <p><b>Why this rule.</b> With the proportional edge share (eq. (5)) a user's edge rate is
 * proportional to its own remainder, so eq. (7) lets it offload at most the fraction
 * {@code τ F/(C Σ_i Q_rem,i)} of its remainder per step, however high its power: while others hold
 * many bits, a task's remainder decays geometrically and is finished either when the system drains
 * or by the local CPU. Pacing the bits evenly over the deadline therefore loses tasks (measured:
 * docs/deadline-energy.md); what pays is to use the edge share every step, at a rate that captures
 * most of it but not at any price, and to spend local energy where it finishes tasks.
 *
 * <p><b>The rule</b>, per user with a task and edge rate r:
 * <ol>
 *   <li>if offloading alone can finish the task at a rate up to {@code R_cap = min(r θ/(1−θ), R_max)}
 *       ({@code r θ/(1−θ)} gets the fraction θ of the share, {@code S = θ τ r}; R_max is the rate at
 *       p_max), offload it all at the least such rate;</li>
 *   <li>else, if offloading at {@code R_cap} plus local computing within the CPU's capacity finishes
 *       it, do so with the least local bits (the least frequency);</li>
 *   <li>else, in the task's last step: give up (α = η = 0: it fails anyway, and its power would
 *       only interfere with others);</li>
 *   <li>else offload at {@code R_cap} and compute locally as {@link OffloadFirstSettings.LocalRule} says:
 *       by default ({@code PREDICTIVE}) at the least constant CPU share that finishes the task by its
 *       deadline if the edge share stayed as it is now (simulated forward step by step), else at the
 *       base share. Local bits cost ~10× offloaded ones at full speed, but the cost per bit falls
 *       with the square of the share, and under the proportional edge share the CPU is what
 *       finishes a task's tail: a moderate base share buys much reliability for little energy
 *       (measured, docs/deadline-energy.md).</li>
 * </ol>
 */
final class OffloadFirst {
    private OffloadFirst() {
    }

    /** A user's plan: local bits and uplink rate (0: no transmission). */
    record Plan(double localBits, double rateBps) {
    }

    /**
     * @param bits        Q
     * @param cycles      C
     * @param remainingS  d, the deadline budget left
     * @param others      the other users' remainders Σ_{i≠k} Q_rem,i (for the edge share)
     * @param settings    θ, the local rule and the base CPU share
     * @param maxRate     the most rate the user can reach (at p_max)
     */
    static Plan plan(DeadlineEnergyConfig c, double bits, double cycles, double remainingS, double others,
                     OffloadFirstSettings settings, double maxRate) {
        double theta = settings.theta();
        double window = Math.min(c.stepS(), remainingS);
        int stepsLeft = Pace.stepsLeft(remainingS, c.stepS());
        double r0 = Pace.edgeRate(c, bits, others + bits, cycles);
        double capRate = Math.min(maxRate, r0 * theta / (1 - theta));
        double finish = Pace.rateNeeded(bits, window, r0);
        if (finish <= capRate) {
            return new Plan(0, finish);
        }
        double cap = Math.min(bits, Pace.localCapacity(c, window, cycles));
        double least = leastLocalToFinish(c, bits, cycles, window, others, capRate);
        if (!Double.isNaN(least)) {
            return new Plan(least, capRate);
        }
        if (stepsLeft <= 1) {
            return new Plan(0, 0);
        }
        double local = 0;
        if (settings.localRule() == OffloadFirstSettings.LocalRule.PACE) {
            double offload = window / (1 / capRate + 1 / r0);
            local = Math.max(0, Math.min(cap, bits / stepsLeft - offload));
        } else if (settings.localRule() == OffloadFirstSettings.LocalRule.PREDICTIVE) {
            double full = Pace.localCapacity(c, window, cycles);
            if (finishesBy(c, bits, cycles, remainingS, stepsLeft, others, theta, maxRate, 1)) {
                double lo = 0;
                double hi = 1;
                for (int i = 0; i < 20; i++) {
                    double mid = 0.5 * (lo + hi);
                    if (finishesBy(c, bits, cycles, remainingS, stepsLeft, others, theta, maxRate, mid)) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                local = Math.min(bits, hi * full);
            } else {
                local = Math.min(bits, settings.baseCpuShare() * full);
            }
        }
        return new Plan(local, capRate);
    }

    /**
     * Whether the task finishes within its steps left at the constant CPU share α, offloading at the
     * capped rate, with the others' remainders as now (a prediction: they change).
     */
    static boolean finishesBy(DeadlineEnergyConfig c, double bits, double cycles, double remainingS, int stepsLeft,
                              double others, double theta, double maxRate, double alpha) {
        double q = bits;
        for (int i = 0; i < stepsLeft; i++) {
            double tau = Math.min(c.stepS(), remainingS - i * c.stepS());
            double rem = q - Math.min(q, alpha * tau * c.fMaxHz() / cycles);
            if (rem <= 0) {
                return true;
            }
            double r = Pace.edgeRate(c, rem, others + rem, cycles);
            double rate = Math.min(maxRate, r * theta / (1 - theta));
            double s = tau / (1 / rate + 1 / r);
            if (s >= rem) {
                return true;
            }
            q = rem - s;
        }
        return false;
    }

    /** The least local bits that finish the task this step at rate R (bisection), NaN if even the CPU's capacity does not. */
    static double leastLocalToFinish(DeadlineEnergyConfig c, double bits, double cycles, double window, double others,
                                     double rate) {
        double cap = Math.min(bits, Pace.localCapacity(c, window, cycles));
        if (!finishes(c, bits, cycles, window, others, rate, cap)) {
            return Double.NaN;
        }
        double lo = 0;
        double hi = cap;
        for (int i = 0; i < 50; i++) {
            double mid = 0.5 * (lo + hi);
            if (finishes(c, bits, cycles, window, others, rate, mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** Whether {@code local} bits locally and rate R finish the task this step (eq. (3)–(8)). */
    static boolean finishes(DeadlineEnergyConfig c, double bits, double cycles, double window, double others,
                            double rate, double local) {
        double rem = bits - local;
        double r = Pace.edgeRate(c, rem, others + rem, cycles);
        return window / (1 / rate + 1 / r) >= rem * (1 + Pace.ROUNDING_MARGIN);
    }
}

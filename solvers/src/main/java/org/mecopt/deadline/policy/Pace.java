package org.mecopt.deadline.policy;

import org.mecopt.deadline.DeadlineEnergyConfig;

/**
 * The arithmetic of the dynamics (eqs. (3)–(7)) the classical policies plan with: steps left, the
 * CPU's capacity and the share that does given bits, the rate that offloads given bits, the edge rate.
 */
final class Pace {
    /** Relative margin on planned rates and CPU shares, so rounding never leaves a last bit undone. */
    static final double ROUNDING_MARGIN = 1e-6;

    private Pace() {
    }

    /** Steps left including this one: ⌈d/Δt⌉, with the simulator's tolerance. */
    static int stepsLeft(double remainingS, double stepS) {
        return Math.max(1, (int) Math.ceil(remainingS / stepS - 1e-9));
    }

    /** Most bits the CPU can process in the window: {@code τ f_max / C}. */
    static double localCapacity(DeadlineEnergyConfig c, double window, double cyclesPerBit) {
        return window * c.fMaxHz() / cyclesPerBit;
    }

    /** α that processes {@code bits} in the window (slightly above, so rounding never falls short). */
    static double alpha(DeadlineEnergyConfig c, double bits, double window, double cyclesPerBit) {
        return bits <= 0 ? 0 : Math.min(1, bits * cyclesPerBit / (window * c.fMaxHz()) * (1 + ROUNDING_MARGIN));
    }

    /**
     * The uplink rate at which eq. (7) offloads {@code bits} in the window given the edge rate:
     * {@code τ/(1/R + 1/r) = bits ⇔ R = 1/(τ/bits − 1/r)}; 0 for no bits; +∞ when the edge share alone
     * cannot do it ({@code bits ≥ τ r}).
     */
    static double rateNeeded(double bits, double window, double edgeRate) {
        if (bits <= 0) {
            return 0;
        }
        double inverse = window / bits - 1 / edgeRate;
        return inverse > 0 ? (1 + ROUNDING_MARGIN) / inverse : Double.POSITIVE_INFINITY;
    }

    /** Eq. (5)–(6): the edge rate of a user with {@code remainder} bits when all users hold {@code total}. */
    static double edgeRate(DeadlineEnergyConfig c, double remainder, double total, double cyclesPerBit) {
        return remainder / (total + c.epsilon()) * c.edgeHz() / cyclesPerBit;
    }
}

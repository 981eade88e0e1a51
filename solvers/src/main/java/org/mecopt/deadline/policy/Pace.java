package org.mecopt.deadline.policy;

import org.mecopt.deadline.DeadlineEnergyConfig;

/**
 * The arithmetic the classical policies share: how many steps a task has left, the bits it should
 * process this step to keep pace, and what the dynamics (eqs. (3)–(9)) cost for a planned split
 * into local and offloaded bits.
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

    /**
     * The bits to process this step: the remainder spread evenly over the steps left minus
     * {@code slack} (so the task is planned to end {@code slack} steps early), all of it when that
     * leaves one step or fewer.
     */
    static double target(double bits, int stepsLeft, int slack) {
        int n = stepsLeft - slack;
        return n <= 1 ? bits : bits / n;
    }

    /** Most bits the CPU can process in the window: {@code τ f_max / C}. */
    static double localCapacity(DeadlineEnergyConfig c, double window, double cyclesPerBit) {
        return window * c.fMaxHz() / cyclesPerBit;
    }

    /** Eq. (4) for {@code bits} processed in {@code window} at the least frequency that does it. */
    static double localEnergy(DeadlineEnergyConfig c, double bits, double window, double cyclesPerBit) {
        double f = bits * cyclesPerBit / window;
        return c.phi() * bits * cyclesPerBit * f * f;
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

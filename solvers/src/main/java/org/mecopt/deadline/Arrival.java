package org.mecopt.deadline;

import org.mecopt.api.Check;

/**
 * One task arrival (seed 000 eq. (1)): user k gets at step {@code step} (numbered from 1) a task of
 * {@code bits} input bits, {@code cyclesPerBit} and deadline {@code deadlineS}, counted from the start
 * of that step.
 */
public record Arrival(int user, int step, double bits, double cyclesPerBit, double deadlineS) {

    public Arrival {
        Check.atLeast("arrivals.user", user, 0);
        Check.atLeast("arrivals.step", step, 1);
        Check.positive("arrivals.bits", bits);
        Check.positive("arrivals.cyclesPerBit", cyclesPerBit);
        Check.positive("arrivals.deadlineS", deadlineS);
    }

    /** Steps of Δt the task may use: {@code ⌈D/Δt⌉} (the last one partly when D is not a multiple of Δt). */
    public int windowSteps(double stepS) {
        return (int) Math.ceil(deadlineS / stepS * (1 - 1e-12));
    }
}

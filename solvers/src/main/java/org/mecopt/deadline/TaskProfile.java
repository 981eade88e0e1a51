package org.mecopt.deadline;

import org.mecopt.api.Check;
import org.mecopt.api.InvalidInstanceException;

/**
 * One class's task distribution (seed 000 Table I, uniform per arrival) and its arrival period.
 *
 * @param minBits          smallest input size T (bits; 1 kB = 8 000 bits)
 * @param maxBits          largest input size
 * @param minCyclesPerBit  smallest computation density C
 * @param maxCyclesPerBit  largest computation density
 * @param minDeadlineS     shortest deadline D
 * @param maxDeadlineS     longest deadline
 * @param periodSteps      steps between arrivals ((ours): the class's largest deadline in steps, so a
 *                         task has ended before the next one arrives)
 */
public record TaskProfile(double minBits, double maxBits, double minCyclesPerBit, double maxCyclesPerBit,
                          double minDeadlineS, double maxDeadlineS, int periodSteps) {

    /** XR: 20–80 kB, 300–800 cycles/bit, 10–20 ms, every 20 steps. */
    public static final TaskProfile XR = new TaskProfile(160_000, 640_000, 300, 800, 0.010, 0.020, 20);
    /** IoT: 5–20 kB, 100–500 cycles/bit, 3–5 ms, every 5 steps. */
    public static final TaskProfile IOT = new TaskProfile(40_000, 160_000, 100, 500, 0.003, 0.005, 5);

    public TaskProfile {
        Check.positive("minBits", minBits);
        Check.positive("maxBits", maxBits);
        Check.ordered("minBits", minBits, "maxBits", maxBits);
        Check.positive("minCyclesPerBit", minCyclesPerBit);
        Check.positive("maxCyclesPerBit", maxCyclesPerBit);
        Check.ordered("minCyclesPerBit", minCyclesPerBit, "maxCyclesPerBit", maxCyclesPerBit);
        Check.positive("minDeadlineS", minDeadlineS);
        Check.positive("maxDeadlineS", maxDeadlineS);
        Check.ordered("minDeadlineS", minDeadlineS, "maxDeadlineS", maxDeadlineS);
        Check.atLeast("periodSteps", periodSteps, 1);
    }

    /** Requires that a task ends before the next arrival of its user (the model has no queue). */
    void checkNoQueue(String field, double stepS) {
        if (maxDeadlineS > periodSteps * stepS * (1 + 1e-9)) {
            throw new InvalidInstanceException(field + ".maxDeadlineS", maxDeadlineS,
                    "must be <= periodSteps * stepS = " + periodSteps * stepS + " (a task must end before the next arrives)");
        }
    }
}

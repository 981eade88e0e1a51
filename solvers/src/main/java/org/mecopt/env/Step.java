package org.mecopt.env;

/**
 * One transition's outcome. {@code terminated}: the episode reached a terminal state of the task, so
 * a learner must not bootstrap past it. {@code truncated}: the episode was cut (a time limit) in a
 * state that has a future, so a learner must bootstrap from {@code observation}. Both may not hold
 * at once: termination takes precedence.
 */
public record Step(double[] observation, double reward, boolean terminated, boolean truncated, Info info) {

    public Step {
        if (terminated && truncated) {
            throw new IllegalArgumentException("a step is terminated or truncated, not both");
        }
    }

    /** The episode is over, either way. */
    public boolean done() {
        return terminated || truncated;
    }
}

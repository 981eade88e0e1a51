package org.mecopt.deadline;

/**
 * How a task ended: {@code success} when its last bit was processed within its deadline, else
 * {@code failure} (its remainder dropped at its deadline). {@code endStep} is the step (from 1) in
 * which it ended.
 */
public record TaskOutcome(int user, int arrivalStep, boolean success, int endStep) {

    /** {@code "success"} or {@code "failure"}, as in the trace format. */
    public String result() {
        return success ? "success" : "failure";
    }
}

package org.mecopt.latency;

import java.util.function.UnaryOperator;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;

/**
 * The outer loop of both convex-approximation solvers ({@code ica}, {@code ica-paper}): take the
 * subproblem's powers only when the true maximum latency falls, optionally over-relax the step,
 * and stop when an iteration gains less than the tolerance (LOCALLY_OPTIMAL), or at the iteration
 * or time limit (LIMIT_REACHED). Every accepted point is evaluated exactly, so the latency never rises.
 *
 * <p>Options read: parameter {@code tolerance} (relative gain to go on, default 1e-6),
 * {@link SolverOptions#maxIterations()} (capped at 200 outer iterations) and the time limit.
 */
final class ConvexApproximationLoop {

    static final double DEFAULT_TOLERANCE = 1e-6;
    private static final int MAX_OUTER = 200;

    /** Where the loop ended. */
    record Outcome(double[][] power, double value, Status status, long iterations, String message) {
    }

    private ConvexApproximationLoop() {
    }

    /**
     * @param step the next powers from a subproblem linearized at the given ones, or null when the
     *     subproblem failed
     * @param overRelax whether to extrapolate successful steps ({@link IcaSolver#extrapolate})
     */
    static Outcome run(LatencyInstance instance, double[][] start, UnaryOperator<double[][]> step, boolean overRelax,
                       SolverOptions options, long startNanos) {
        long deadline = startNanos + options.timeLimitMillis() * 1_000_000L;
        double tolerance = tolerance(options.parameter("tolerance"));
        long maxOuter = Math.min(MAX_OUTER, options.maxIterations());
        double[][] current = start;
        double currentValue = instance.objective(instance.solutionFor(current));
        long iterations = 0;
        while (iterations < maxOuter) {
            if (System.nanoTime() > deadline) {
                return new Outcome(current, currentValue, Status.LIMIT_REACHED, iterations, "time limit reached");
            }
            iterations++;
            double[][] next = step.apply(current);
            if (next == null) {
                return new Outcome(current, currentValue, Status.LOCALLY_OPTIMAL, iterations,
                        "stopped: the convex subproblem did not improve the current point");
            }
            double value = instance.objective(instance.solutionFor(next));
            if (overRelax && value < currentValue) {
                double[][] further = IcaSolver.extrapolate(instance, current, next, value);
                if (further != null) {
                    next = further;
                    value = instance.objective(instance.solutionFor(next));
                }
            }
            if (!(value < currentValue)) {
                return new Outcome(current, currentValue, Status.LOCALLY_OPTIMAL, iterations, "");
            }
            double improvement = (currentValue - value) / currentValue;
            current = next;
            currentValue = value;
            if (improvement < tolerance) {
                return new Outcome(current, currentValue, Status.LOCALLY_OPTIMAL, iterations, "");
            }
        }
        return new Outcome(current, currentValue, Status.LIMIT_REACHED, iterations,
                "outer iteration limit of " + maxOuter + " reached");
    }

    static double tolerance(String text) {
        if (text == null) {
            return DEFAULT_TOLERANCE;
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (v > 0 && v < 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInstanceException("tolerance", text, "must be a number in (0, 1)");
    }
}

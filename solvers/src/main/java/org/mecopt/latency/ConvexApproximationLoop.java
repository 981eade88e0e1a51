package org.mecopt.latency;

import java.util.function.UnaryOperator;
import org.mecopt.api.SolveContext;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverParameter;
import org.mecopt.api.Status;

/**
 * The outer loop of both convex-approximation solvers ({@code ica}, {@code ica-paper}): take the
 * subproblem's powers only when the true maximum latency falls, optionally over-relax the step,
 * and stop when an iteration gains less than the tolerance (LOCALLY_OPTIMAL), or at the iteration
 * or time limit (LIMIT_REACHED). Every accepted point is evaluated exactly, so the latency never rises.
 * A subproblem that fails (a non-finite coefficient, or an interior-point breakdown on a problem
 * whose start is strictly feasible) proves nothing about the current point: the loop then ends
 * FEASIBLE, not LOCALLY_OPTIMAL. The time limit is looked at before every subproblem and, through
 * {@link SolveContext#deadline()}, inside its interior-point iterations.
 *
 * <p>Options read: parameter {@code tolerance} (relative gain to go on, default 1e-6),
 * {@link SolverOptions#maxIterations()} (capped at 200 outer iterations) and the time limit.
 */
final class ConvexApproximationLoop {

    static final double DEFAULT_TOLERANCE = 1e-6;
    static final int MAX_OUTER = 200;

    static final SolverParameter<Double> TOLERANCE = SolverParameter.real("tolerance", DEFAULT_TOLERANCE, 0, 1, true,
            "relative improvement of the maximum latency below which the iterations stop");

    /** Where the loop ended (the solver turns it into its {@link org.mecopt.api.Outcome}). */
    record End(double[][] power, double value, Status status, long iterations, String message) {
    }

    private ConvexApproximationLoop() {
    }

    /**
     * @param step the next powers from a subproblem linearized at the given ones, or null when the
     *     subproblem failed (it must stop at {@link SolveContext#deadline()} with its best point)
     * @param overRelax whether to extrapolate successful steps ({@link IcaSolver#extrapolate})
     */
    static End run(LatencyInstance instance, double[][] start, UnaryOperator<double[][]> step, boolean overRelax,
                       SolveContext context) {
        double tolerance = context.value(TOLERANCE);
        long maxOuter = Math.min(MAX_OUTER, context.maxIterations(MAX_OUTER));
        double[][] current = start;
        double currentValue = instance.objective(instance.solutionFor(current));
        long iterations = 0;
        while (iterations < maxOuter) {
            if (context.timeUp()) {
                return limit(current, currentValue, iterations);
            }
            iterations++;
            double[][] next = step.apply(current);
            if (next == null) {
                return context.timeUp() ? limit(current, currentValue, iterations)
                        : new End(current, currentValue, Status.FEASIBLE, iterations,
                        "stopped: the convex subproblem failed numerically at the current point");
            }
            double value = instance.objective(instance.solutionFor(next));
            if (overRelax && value < currentValue) {
                double[][] further = IcaSolver.extrapolate(instance, current, next, value);
                if (further != null) {
                    next = further;
                    value = instance.objective(instance.solutionFor(next));
                }
            }
            boolean better = value < currentValue;
            double improvement = better ? (currentValue - value) / currentValue : 0;
            if (better) {
                current = next;
                currentValue = value;
            }
            if (context.timeUp()) {
                return limit(current, currentValue, iterations); // the subproblem may have been cut short
            }
            if (!better) {
                return new End(current, currentValue, Status.LOCALLY_OPTIMAL, iterations, "");
            }
            if (improvement < tolerance) {
                return new End(current, currentValue, Status.LOCALLY_OPTIMAL, iterations, "");
            }
        }
        return new End(current, currentValue, Status.LIMIT_REACHED, iterations,
                "outer iteration limit of " + maxOuter + " reached");
    }

    private static End limit(double[][] power, double value, long iterations) {
        return new End(power, value, Status.LIMIT_REACHED, iterations, "time limit reached");
    }
}

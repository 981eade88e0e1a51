package org.mecopt.latency;

import org.mecopt.api.ProblemSolver;
import org.mecopt.api.Result;
import org.mecopt.api.Status;

/**
 * Base of the latency solvers: each decides the powers (and ratios, or takes the best ones), and
 * every result carries the interference-free lower bound.
 */
abstract class PowerSolver extends ProblemSolver<LatencyInstance, LatencySolution> {

    PowerSolver() {
        super("latency", LatencyInstance.class);
    }

    /** A checked result for {@code solution}, with the interference-free bound. */
    final Result<LatencySolution> finish(LatencyInstance instance, LatencySolution solution, Status status,
                                         long iterations, long startNanos, String message) {
        return finish(instance, solution, status, InterferenceFreeBound.lowerBound(instance), iterations, startNanos, message);
    }

    final Result<LatencySolution> finish(LatencyInstance instance, LatencySolution solution, Status status, double bound,
                                         long iterations, long startNanos, String message) {
        return Result.checked(instance, name(), status, solution, bound, iterations, startNanos, message);
    }
}

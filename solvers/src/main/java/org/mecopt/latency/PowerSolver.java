package org.mecopt.latency;

import java.util.List;
import org.mecopt.api.Outcome;
import org.mecopt.api.ProblemSolver;
import org.mecopt.api.SolverParameter;
import org.mecopt.api.Status;

/**
 * Base of the latency solvers: each decides the powers (and ratios, or takes the best ones), and
 * every result carries the interference-free lower bound.
 */
abstract class PowerSolver extends ProblemSolver<LatencyInstance, LatencySolution> {

    /** The start of both convex-approximation solvers. */
    static final SolverParameter<String> START = SolverParameter.choice("start", "auto", List.of("auto", "equal-power"),
            "starting point: auto (the best of equal power, water-filling and the equal-split point) or p = 1/N");

    PowerSolver() {
        super("latency", LatencyInstance.class);
    }

    /** A claim about {@code solution} with the interference-free lower bound. */
    static Outcome<LatencySolution> claim(LatencyInstance instance, LatencySolution solution, Status status) {
        return Outcome.of(status, solution).withBound(InterferenceFreeBound.lowerBound(instance));
    }
}

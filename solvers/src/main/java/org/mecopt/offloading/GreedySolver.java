package org.mecopt.offloading;

import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;

/**
 * {@code greedy}: devices by decreasing workload, each to the server with room that adds the least
 * summed delay; always respects capacities. One pass, no improvement.
 */
public final class GreedySolver extends AssignmentSolver {

    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public String guarantee() {
        return "feasible (capacity-respecting greedy), no optimality claim";
    }

    @Override
    public Result<OffloadingSolution> solve(OffloadingInstance instance, SolverOptions options) {
        long start = System.nanoTime();
        return finish(instance, Heuristics.greedy(new AssignmentCosts(instance)), Status.FEASIBLE, null, 1, start, "");
    }
}

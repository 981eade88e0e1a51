package org.mecopt.offloading;

import org.mecopt.api.Outcome;
import org.mecopt.api.SolveContext;
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
    protected Outcome<OffloadingSolution> search(OffloadingInstance instance, SolveContext context) {
        return claim(instance, Heuristics.greedy(new AssignmentCosts(instance)), Status.FEASIBLE, null);
    }
}

package org.mecopt.offloading;

import org.mecopt.api.Outcome;
import org.mecopt.api.SolveContext;
import org.mecopt.api.Status;

/**
 * {@code goa}: the paper's greedy offloading algorithm. Each device picks the server with the
 * highest uplink rate, "entirely disregarding the server's current computational load or available
 * capacity" (seed 004 §IV-B). When that overloads a server the result is INFEASIBLE_POINT and lists the
 * violated capacities: we report them rather than hide them, so the baseline stays the paper's.
 */
public final class GoaSolver extends AssignmentSolver {

    @Override
    public String name() {
        return "goa";
    }

    @Override
    public String guarantee() {
        return "paper baseline; ignores capacity (violations reported, status INFEASIBLE_POINT)";
    }

    @Override
    protected Outcome<OffloadingSolution> search(OffloadingInstance instance, SolveContext context) {
        return claim(instance, Heuristics.bestChannel(instance), Status.FEASIBLE, null);
    }
}

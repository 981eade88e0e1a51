package org.mecopt.offloading;

import org.mecopt.api.Deadline;
import org.mecopt.api.Outcome;
import org.mecopt.api.SolveContext;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;

/**
 * {@code exact}: the proven-optimal assignment with its KKT CPU split, by {@link BranchAndBound}
 * started from the local-search incumbent. OPTIMAL means no assignment is better by more than
 * {@link SolverOptions#relativeGap()} (default {@value #DEFAULT_GAP} when not set) of the real-valued objective; the result's
 * bound is the smallest pruned-node bound. Iterations are search nodes. On the time limit it
 * returns the incumbent as LIMIT_REACHED with the relaxation bound.
 */
public final class ExactSolver extends AssignmentSolver {

    /** The relative gap when none is set. */
    static final double DEFAULT_GAP = 1e-9;

    @Override
    public String name() {
        return "exact";
    }

    @Override
    public String guarantee() {
        return "global optimum (branch and bound, relative gap 1e-9 by default)";
    }

    @Override
    protected Outcome<OffloadingSolution> search(OffloadingInstance instance, SolveContext context) {
        Deadline deadline = context.deadline();
        AssignmentCosts c = new AssignmentCosts(instance);
        LocalSearch warm = new LocalSearch(c, Heuristics.greedy(c));
        warm.run(deadline);
        BranchAndBound bb = new BranchAndBound(c, warm.assignment(), context.relativeGap(DEFAULT_GAP), deadline);
        if (bb.run()) {
            return claim(instance, bb.best(), Status.OPTIMAL, bb.provenBound()).withIterations(bb.nodes());
        }
        double bound = RelaxationBound.lowerBound(c, bb.best(), bb.bestTotal(),
                LocalSearchSolver.DEFAULT_BOUND_ITERATIONS);
        return noted(claim(instance, bb.best(), Status.LIMIT_REACHED, bound).withIterations(bb.nodes()),
                "time limit of " + context.timeLimitMillis() + " ms reached before the search tree was closed");
    }
}

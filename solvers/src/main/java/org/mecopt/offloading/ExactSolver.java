package org.mecopt.offloading;

import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;

/**
 * {@code exact}: the proven-optimal assignment with its KKT CPU split, by {@link BranchAndBound}
 * started from the local-search incumbent. OPTIMAL means no assignment is better by more than
 * {@link SolverOptions#relativeGap()} (default 1e-9) of the real-valued objective; the result's
 * bound is the smallest pruned-node bound. Iterations are search nodes. On the time limit it
 * returns the incumbent as LIMIT_REACHED with the relaxation bound.
 */
public final class ExactSolver extends AssignmentSolver {

    @Override
    public String name() {
        return "exact";
    }

    @Override
    public String guarantee() {
        return "global optimum (branch and bound, relative gap 1e-9 by default)";
    }

    @Override
    public Result<OffloadingSolution> solve(OffloadingInstance instance, SolverOptions options) {
        long start = System.nanoTime();
        long deadline = start + options.timeLimitMillis() * 1_000_000L;
        AssignmentCosts c = new AssignmentCosts(instance);
        LocalSearch warm = new LocalSearch(c, Heuristics.greedy(c));
        warm.run(deadline);
        BranchAndBound bb = new BranchAndBound(c, warm.assignment(), options.relativeGap(), deadline);
        if (bb.run()) {
            return finish(instance, bb.best(), Status.OPTIMAL, bb.provenBound(), bb.nodes(), start, "");
        }
        double bound = RelaxationBound.lowerBound(c, bb.best(), bb.bestTotal(),
                LocalSearchSolver.DEFAULT_BOUND_ITERATIONS);
        return finish(instance, bb.best(), Status.LIMIT_REACHED, bound, bb.nodes(), start,
                "time limit of " + options.timeLimitMillis() + " ms reached before the search tree was closed");
    }
}

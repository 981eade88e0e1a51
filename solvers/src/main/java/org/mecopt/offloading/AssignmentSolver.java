package org.mecopt.offloading;

import org.mecopt.api.Outcome;
import org.mecopt.api.ProblemSolver;
import org.mecopt.api.Status;

/**
 * Base of the offloading solvers: each decides an assignment, then the KKT rule splits the CPU,
 * and the problem re-checks the whole solution.
 */
abstract class AssignmentSolver extends ProblemSolver<OffloadingInstance, OffloadingSolution> {

    AssignmentSolver() {
        super("offloading", OffloadingInstance.class);
    }

    /**
     * A claim about an assignment completed by the KKT CPU split.
     *
     * @param totalBound a lower bound on the summed delay {@code M·D}, or null; the claim states it
     *     per device, as the objective is
     */
    static Outcome<OffloadingSolution> claim(OffloadingInstance instance, int[] assignment, Status status,
                                             Double totalBound) {
        Double bound = totalBound == null ? null : totalBound / instance.deviceCount();
        OffloadingSolution solution = KktAllocation.solution(instance, assignment);
        if (!Double.isFinite(instance.objective(solution))) {
            // An overflowed delay says nothing about the problem: no status but this one may be claimed.
            return new Outcome<>(Status.NUMERICAL_ERROR, solution, null, 1, "the delay is not finite in double "
                    + "precision (a rate underflows to 0 or a delay overflows), so nothing is proven");
        }
        double objective = instance.objective(solution);
        if (bound != null && bound > objective && bound - objective <= BOUND_ROUNDING * objective) {
            // The bound was summed along another path (AssignmentCosts, in branching order) than the
            // objective (KKT split, device order); when the search closes at the incumbent the two
            // can differ in the last digits (1.1e-12 relative on a 20×4 instance, just past the
            // result check's 1e-12). A lower bound lowered to a feasible value stays a lower bound.
            bound = objective;
        }
        return Outcome.of(status, solution).withBound(bound);
    }

    /** The relative excess of a bound over the objective that is taken as rounding. */
    static final double BOUND_ROUNDING = 1e-9;

    /** The claim with {@code note} as its message, unless it is the numerical error, which keeps its reason. */
    static Outcome<OffloadingSolution> noted(Outcome<OffloadingSolution> claim, String note) {
        return claim.status() == Status.NUMERICAL_ERROR ? claim : claim.withMessage(note);
    }
}

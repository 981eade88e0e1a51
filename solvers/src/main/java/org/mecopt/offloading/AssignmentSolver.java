package org.mecopt.offloading;

import org.mecopt.api.ProblemSolver;
import org.mecopt.api.Result;
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
     * Completes an assignment into a checked result.
     *
     * @param totalBound a lower bound on the summed delay {@code M·D}, or null
     */
    final Result<OffloadingSolution> finish(OffloadingInstance instance, int[] assignment, Status status,
                                            Double totalBound, long iterations, long startNanos, String message) {
        Double bound = totalBound == null ? null : totalBound / instance.deviceCount();
        return Result.checked(instance, name(), status, KktAllocation.solution(instance, assignment), bound,
                iterations, startNanos, message);
    }
}

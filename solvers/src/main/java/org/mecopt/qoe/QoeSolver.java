package org.mecopt.qoe;

import org.mecopt.api.ProblemSolver;
import org.mecopt.api.Result;
import org.mecopt.api.Status;

/** Base of the {@code qoe} solvers: each returns an allocation that the instance re-checks. */
abstract class QoeSolver extends ProblemSolver<QoeInstance, QoeSolution> {

    QoeSolver() {
        super("qoe", QoeInstance.class);
    }

    final Result<QoeSolution> finish(QoeInstance instance, double[] allocationHz, Status status, Double upperBound,
                                     long iterations, long startNanos, String message) {
        return Result.checked(instance, name(), status, instance.solution(allocationHz), upperBound, iterations,
                startNanos, message);
    }
}

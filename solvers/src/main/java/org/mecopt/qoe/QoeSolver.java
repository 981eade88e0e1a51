package org.mecopt.qoe;

import org.mecopt.api.Outcome;
import org.mecopt.api.ProblemSolver;
import org.mecopt.api.Status;

/** Base of the {@code qoe} solvers: each returns an allocation that the instance re-checks. */
abstract class QoeSolver extends ProblemSolver<QoeInstance, QoeSolution> {

    QoeSolver() {
        super("qoe", QoeInstance.class);
    }

    /** A claim about the solution that allocates {@code allocationHz}. */
    static Outcome<QoeSolution> claim(QoeInstance instance, double[] allocationHz, Status status) {
        return Outcome.of(status, instance.solution(allocationHz));
    }
}

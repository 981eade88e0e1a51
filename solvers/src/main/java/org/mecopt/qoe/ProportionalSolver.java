package org.mecopt.qoe;

import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;

/**
 * {@code proportional}: capacity split in proportion to workload, {@code p_u = P w_u / Σ w}, which
 * gives every user the same processing latency {@code Σw / P}. A baseline with no optimality claim.
 */
public final class ProportionalSolver extends QoeSolver {

    @Override
    public String name() {
        return "proportional";
    }

    @Override
    public String guarantee() {
        return "feasible (capacity split in proportion to workload), no optimality claim";
    }

    @Override
    public Result<QoeSolution> solve(QoeInstance instance, SolverOptions options) {
        long start = System.nanoTime();
        double total = 0;
        for (QoeUser u : instance.users()) {
            total += u.workloadCycles();
        }
        double[] p = new double[instance.userCount()];
        for (int u = 0; u < p.length; u++) {
            p[u] = instance.capacityHz() * (instance.users().get(u).workloadCycles() / total);
        }
        return finish(instance, p, Status.FEASIBLE, null, 1, start, "");
    }
}

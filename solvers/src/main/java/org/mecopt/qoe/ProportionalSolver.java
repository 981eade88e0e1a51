package org.mecopt.qoe;

import org.mecopt.api.Outcome;
import org.mecopt.api.SolveContext;
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
    protected Outcome<QoeSolution> search(QoeInstance instance, SolveContext context) {
        double total = 0;
        for (QoeUser u : instance.users()) {
            total += u.workloadCycles();
        }
        double[] p = new double[instance.userCount()];
        for (int u = 0; u < p.length; u++) {
            p[u] = instance.capacityHz() * (instance.users().get(u).workloadCycles() / total);
        }
        return claim(instance, p, Status.FEASIBLE);
    }
}

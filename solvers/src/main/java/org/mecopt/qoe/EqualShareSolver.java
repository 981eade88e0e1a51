package org.mecopt.qoe;

import java.util.Arrays;
import org.mecopt.api.Outcome;
import org.mecopt.api.SolveContext;
import org.mecopt.api.Status;

/** {@code equal-share}: every user gets {@code capacity / n}. A baseline with no optimality claim. */
public final class EqualShareSolver extends QoeSolver {

    @Override
    public String name() {
        return "equal-share";
    }

    @Override
    public String guarantee() {
        return "feasible (capacity split evenly), no optimality claim";
    }

    @Override
    protected Outcome<QoeSolution> search(QoeInstance instance, SolveContext context) {
        double[] p = new double[instance.userCount()];
        Arrays.fill(p, instance.capacityHz() / p.length);
        return claim(instance, p, Status.FEASIBLE);
    }
}

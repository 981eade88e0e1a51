package org.mecopt.qoe;

import java.util.Arrays;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
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
    public Result<QoeSolution> solve(QoeInstance instance, SolverOptions options) {
        long start = System.nanoTime();
        double[] p = new double[instance.userCount()];
        Arrays.fill(p, instance.capacityHz() / p.length);
        return finish(instance, p, Status.FEASIBLE, null, 1, start, "");
    }
}

package org.mecopt.toy;

import org.mecopt.api.Outcome;
import org.mecopt.api.ProblemSolver;
import org.mecopt.api.SolveContext;
import org.mecopt.api.Status;

/** The toy problem's exact solver: each target clamped to the box. */
public final class ToyClampSolver extends ProblemSolver<ToyInstance, ToySolution> {

    public ToyClampSolver() {
        super(ToyFamily.NAME, ToyInstance.class);
    }

    @Override
    public String name() {
        return "clamp";
    }

    @Override
    public String guarantee() {
        return "global optimum (projection onto a box)";
    }

    @Override
    protected Outcome<ToySolution> search(ToyInstance p, SolveContext context) {
        double[] x = new double[p.target().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(p.cap(), Math.max(0, p.target()[i]));
        }
        return Outcome.of(Status.OPTIMAL, new ToySolution(x)).withBound(0.0);
    }
}

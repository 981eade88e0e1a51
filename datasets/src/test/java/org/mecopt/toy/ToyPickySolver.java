package org.mecopt.toy;

import org.mecopt.api.Outcome;
import org.mecopt.api.ProblemSolver;
import org.mecopt.api.SolveContext;
import org.mecopt.api.Status;

/**
 * A toy solver that refuses some instances (UNSUPPORTED when the first target exceeds
 * {@link #LIMIT}, about one sample in fifteen): a label solver that fails in the middle of a run.
 */
public final class ToyPickySolver extends ProblemSolver<ToyInstance, ToySolution> {
    public static final double LIMIT = 1.8;

    public ToyPickySolver() {
        super(ToyFamily.NAME, ToyInstance.class);
    }

    @Override
    public String name() {
        return "picky";
    }

    @Override
    public String guarantee() {
        return "global optimum where it answers (a test fixture)";
    }

    @Override
    protected Outcome<ToySolution> search(ToyInstance p, SolveContext context) {
        if (p.target()[0] > LIMIT) {
            return Outcome.unsupported("target[0] = " + p.target()[0] + " is above " + LIMIT);
        }
        return new ToyClampSolver().search(p, context);
    }
}

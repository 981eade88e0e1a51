package org.mecopt.api;

/**
 * Base of a problem family's solvers: fixes the family's name and problem class once, so a solver
 * only states its own name, guarantee and method.
 */
public abstract class ProblemSolver<P extends Problem<S>, S> implements Solver<P, S> {
    private final String problemName;
    private final Class<P> problemType;

    protected ProblemSolver(String problemName, Class<P> problemType) {
        this.problemName = problemName;
        this.problemType = problemType;
    }

    @Override
    public final String problemName() {
        return problemName;
    }

    @Override
    public final Class<P> problemType() {
        return problemType;
    }
}

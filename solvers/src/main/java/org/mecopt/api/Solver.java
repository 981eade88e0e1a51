package org.mecopt.api;

import java.util.List;

/**
 * A method for one problem family. Implementations are stateless and thread-safe: one instance
 * may solve many problems concurrently. They are found by name through {@link SolverRegistry}
 * (each is listed in {@code META-INF/services/org.mecopt.api.Solver}).
 *
 * @param <P> the problem type
 * @param <S> its solution type
 */
public interface Solver<P extends Problem<S>, S> {

    /** The solver's name within its problem family, e.g. {@code exact}. */
    String name();

    /** The problem family this solver solves, e.g. {@code offloading}. */
    String problemName();

    /** The problem class this solver accepts (used to read instances). */
    Class<P> problemType();

    /** One line: what the result is guaranteed to be (for the CLI's and README's solver tables). */
    String guarantee();

    /**
     * The solver-specific parameters it reads from {@link SolverOptions#parameters()}; any other
     * name is rejected by {@link #solve}.
     */
    default List<SolverParameter<?>> parameters() {
        return List.of();
    }

    /**
     * The revision of the method behind {@link #name()}: raised when the same name, parameters and
     * instance give other results on purpose (a new default path), so that a dataset labelled by an
     * earlier revision is not resumed with labels of the new one. Datasets record it when it is above 1.
     */
    default int revision() {
        return 1;
    }

    /**
     * Solves {@code problem}; never returns null and never throws for a valid instance and valid
     * options (an instance outside the solver's domain is returned as {@link Status#UNSUPPORTED}).
     *
     * @throws InvalidInstanceException when the options name an unknown parameter or a bad value
     */
    Result<S> solve(P problem, SolverOptions options);

    /** Solves with {@link SolverOptions#defaults()}. */
    default Result<S> solve(P problem) {
        return solve(problem, SolverOptions.defaults());
    }
}

package org.mecopt.api;

import java.util.function.LongSupplier;

/**
 * Base of every solver: fixes the family's name and problem class once, and owns the solve
 * template, so a solver states only its name, guarantee, parameters and {@link #search}.
 *
 * <p>{@link #solve} times the call, validates the options against {@link #parameters()}, runs the
 * search and builds the {@link Result} through the problem's own check; it is final so that no
 * solver can skip the check or time itself differently.
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

    /**
     * {@inheritDoc}
     *
     * @throws InvalidInstanceException when {@code options} names a parameter this solver does not
     *     declare, or gives one a value it does not accept
     */
    @Override
    public final Result<S> solve(P problem, SolverOptions options) {
        return solve(problem, options, System::nanoTime);
    }

    /**
     * {@link #solve(Problem, SolverOptions)} with the time limit and the solve time measured on
     * {@code nanoClock} instead of {@link System#nanoTime()}: tests pass a clock that advances on
     * every reading, so that a loop which never looks at the time cannot hide behind a fast machine.
     */
    public final Result<S> solve(P problem, SolverOptions options, LongSupplier nanoClock) {
        long start = nanoClock.getAsLong();
        Check.present("problem", problem);
        SolveContext context = SolveContext.of(name(), parameters(), options, nanoClock, start);
        Outcome<S> outcome = search(problem, context);
        return Result.checked(problem, name(), outcome, context.elapsedMillis());
    }

    /**
     * The method itself: a claim about the point it found. Return
     * {@link Outcome#unsupported(String)} for a valid instance outside the method's domain, never
     * throw for one; throw {@link InvalidInstanceException} only for invalid parameters that
     * depend on the instance (e.g. an assignment of the wrong length).
     *
     * @param problem the instance (not modified)
     * @param context the validated options, deadline and parameter values
     */
    protected abstract Outcome<S> search(P problem, SolveContext context);
}

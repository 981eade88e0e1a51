package org.mecopt.api;

import java.util.Map;
import java.util.TreeMap;

/**
 * Copyable solver settings. Every solver reads the common fields it understands and ignores the
 * rest; solver-specific settings go in {@link #parameters()} (e.g. {@code assignment=0,2,1} for
 * the {@code kkt} solver), which the solve template checks against the solver's declared
 * {@link Solver#parameters()}. Use the {@code with…} methods to derive a changed copy.
 *
 * <p>The relative gap and the iteration cap have an explicit "not set" (null): each solver then
 * uses its own default, which its Javadoc states ({@link SolveContext#relativeGap(double)}). A set
 * value is always taken literally.
 *
 * @param timeLimitMillis wall-clock budget of one solve (toolkit default 60 000 ms); a solver that
 *     hits it returns {@link Status#LIMIT_REACHED} with the best solution found
 * @param relativeGap relative optimality tolerance of exact and branch-and-bound solvers, or null
 *     for the solver's own default
 * @param maxIterations iteration cap of iterative solvers, or null for the solver's own default
 * @param seed seed of randomized solvers (the same seed gives the same answer)
 * @param parameters solver-specific settings by name
 */
public record SolverOptions(long timeLimitMillis, Double relativeGap, Long maxIterations, long seed,
                            Map<String, String> parameters) {

    /** The toolkit's default time limit of one solve. */
    public static final long DEFAULT_TIME_LIMIT_MILLIS = 60_000;

    public static final SolverOptions DEFAULTS =
            new SolverOptions(DEFAULT_TIME_LIMIT_MILLIS, null, null, 1L, Map.of());

    public SolverOptions {
        if (timeLimitMillis <= 0) {
            throw new InvalidInstanceException("timeLimitMillis", timeLimitMillis, "must be > 0");
        }
        if (relativeGap != null && (!(relativeGap >= 0) || !Double.isFinite(relativeGap))) {
            throw new InvalidInstanceException("relativeGap", relativeGap, "must be >= 0 and finite");
        }
        if (maxIterations != null && maxIterations <= 0) {
            throw new InvalidInstanceException("maxIterations", maxIterations, "must be > 0");
        }
        parameters = Map.copyOf(new TreeMap<>(parameters == null ? Map.of() : parameters));
    }

    public static SolverOptions defaults() {
        return DEFAULTS;
    }

    public SolverOptions withTimeLimitMillis(long millis) {
        return new SolverOptions(millis, relativeGap, maxIterations, seed, parameters);
    }

    /** A copy with the relative gap set ({@code null}: not set, the solver's own default). */
    public SolverOptions withRelativeGap(Double gap) {
        return new SolverOptions(timeLimitMillis, gap, maxIterations, seed, parameters);
    }

    public SolverOptions withRelativeGap(double gap) {
        return withRelativeGap(Double.valueOf(gap));
    }

    /** A copy with the iteration cap set ({@code null}: not set, the solver's own default). */
    public SolverOptions withMaxIterations(Long iterations) {
        return new SolverOptions(timeLimitMillis, relativeGap, iterations, seed, parameters);
    }

    public SolverOptions withMaxIterations(long iterations) {
        return withMaxIterations(Long.valueOf(iterations));
    }

    public SolverOptions withSeed(long newSeed) {
        return new SolverOptions(timeLimitMillis, relativeGap, maxIterations, newSeed, parameters);
    }

    public SolverOptions withParameter(String name, String value) {
        Map<String, String> copy = new TreeMap<>(parameters);
        copy.put(name, value);
        return new SolverOptions(timeLimitMillis, relativeGap, maxIterations, seed, copy);
    }

    /** The named solver-specific parameter as given, or null. */
    public String parameter(String name) {
        return parameters.get(name);
    }
}

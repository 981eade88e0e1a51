package org.mecopt.api;

import java.util.Map;
import java.util.TreeMap;

/**
 * Copyable solver settings. Every solver reads the common fields it understands and ignores the
 * rest; solver-specific settings go in {@link #parameters()} (e.g. {@code assignment=0,2,1} for
 * the {@code kkt} solver). Use the {@code with…} methods to derive a changed copy.
 *
 * @param timeLimitMillis wall-clock budget of one solve; a solver that hits it returns
 *     {@link Status#LIMIT_REACHED} with the best solution found
 * @param relativeGap relative optimality tolerance of exact and branch-and-bound solvers
 * @param maxIterations iteration cap of iterative solvers
 * @param seed seed of randomized solvers (the same seed gives the same answer)
 * @param parameters solver-specific settings by name
 */
public record SolverOptions(long timeLimitMillis, double relativeGap, long maxIterations, long seed,
                            Map<String, String> parameters) {

    public static final SolverOptions DEFAULTS =
            new SolverOptions(60_000, 1e-9, 1_000_000, 1L, Map.of());

    public SolverOptions {
        if (timeLimitMillis <= 0) {
            throw new InvalidInstanceException("timeLimitMillis", timeLimitMillis, "must be > 0");
        }
        if (!(relativeGap >= 0) || !Double.isFinite(relativeGap)) {
            throw new InvalidInstanceException("relativeGap", relativeGap, "must be >= 0 and finite");
        }
        if (maxIterations <= 0) {
            throw new InvalidInstanceException("maxIterations", maxIterations, "must be > 0");
        }
        parameters = Map.copyOf(new TreeMap<>(parameters));
    }

    public static SolverOptions defaults() {
        return DEFAULTS;
    }

    public SolverOptions withTimeLimitMillis(long millis) {
        return new SolverOptions(millis, relativeGap, maxIterations, seed, parameters);
    }

    public SolverOptions withRelativeGap(double gap) {
        return new SolverOptions(timeLimitMillis, gap, maxIterations, seed, parameters);
    }

    public SolverOptions withMaxIterations(long iterations) {
        return new SolverOptions(timeLimitMillis, relativeGap, iterations, seed, parameters);
    }

    public SolverOptions withSeed(long newSeed) {
        return new SolverOptions(timeLimitMillis, relativeGap, maxIterations, newSeed, parameters);
    }

    public SolverOptions withParameter(String name, String value) {
        Map<String, String> copy = new TreeMap<>(parameters);
        copy.put(name, value);
        return new SolverOptions(timeLimitMillis, relativeGap, maxIterations, seed, copy);
    }

    /** The named solver-specific parameter, or null. */
    public String parameter(String name) {
        return parameters.get(name);
    }
}

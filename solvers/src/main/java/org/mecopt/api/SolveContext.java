package org.mecopt.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * What a search may read of one solve: the options with the "not set" ones resolved to the
 * solver's defaults, the typed values of its parameters, and the deadline. Made by
 * {@link ProblemSolver#solve} after the options were validated, one per solve (not shared).
 */
public final class SolveContext {
    private static final long CENTURY_MILLIS = 100L * 365 * 24 * 3600 * 1000;

    private final SolverOptions options;
    private final Set<String> declared;
    private final Map<String, Object> values;
    private final LongSupplier clock;
    private final long deadlineNanos;
    private long clockStartNanos;

    private SolveContext(SolverOptions options, Set<String> declared, Map<String, Object> values, LongSupplier clock,
                         long startNanos) {
        this.options = options;
        this.declared = declared;
        this.values = values;
        this.clock = clock;
        this.clockStartNanos = startNanos;
        this.deadlineNanos = deadline(startNanos, options.timeLimitMillis());
    }

    /**
     * Validates {@code options} against {@code declared} and starts the clock at {@code startNanos},
     * a reading of {@code clock} (nanoseconds; {@link System#nanoTime()} but in tests).
     *
     * @throws InvalidInstanceException naming an unknown parameter (and the known ones) or a value
     *     its parameter does not accept
     */
    static SolveContext of(String solver, List<SolverParameter<?>> declared, SolverOptions options, LongSupplier clock,
                           long startNanos) {
        Check.present("options", options);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> given : options.parameters().entrySet()) {
            SolverParameter<?> p = declared.stream().filter(d -> d.name().equals(given.getKey())).findFirst()
                    .orElseThrow(() -> new InvalidInstanceException(SolverParameter.field(given.getKey()),
                            given.getValue(), "is not a parameter of solver " + solver + "; known: "
                            + declared.stream().map(SolverParameter::name).toList()));
            values.put(p.name(), p.parse(given.getValue()));
        }
        for (SolverParameter<?> p : declared) {
            if (!values.containsKey(p.name()) && p.defaultValue() != null) {
                values.put(p.name(), p.defaultValue());
            }
        }
        Set<String> names = declared.stream().map(SolverParameter::name).collect(Collectors.toUnmodifiableSet());
        return new SolveContext(options, names, values, clock, startNanos);
    }

    /**
     * {@code start + limit} in nanoseconds, saturating: a limit of {@link Long#MAX_VALUE} ms means
     * "no limit", not a deadline in the past.
     */
    static long deadline(long startNanos, long limitMillis) {
        return Deadline.at(startNanos, limitMillis);
    }

    /** The options as given. */
    public SolverOptions options() {
        return options;
    }

    /** Whether the time limit has passed. */
    public boolean timeUp() {
        return clock.getAsLong() > deadlineNanos;
    }

    /** The time limit as a {@link Deadline}, for the loops below the solver that must look at it. */
    public Deadline deadline() {
        return this::timeUp;
    }

    /** The time limit in milliseconds, for messages. */
    public long timeLimitMillis() {
        return options.timeLimitMillis();
    }

    /**
     * The time limit capped at about a century, for a method that computes its own nanosecond
     * deadline from milliseconds (so {@link Long#MAX_VALUE} cannot overflow it into the past).
     */
    public long boundedTimeLimitMillis() {
        return Math.min(options.timeLimitMillis(), CENTURY_MILLIS);
    }

    /** The relative gap requested, or {@code solverDefault} when none was set. */
    public double relativeGap(double solverDefault) {
        return options.relativeGap() == null ? solverDefault : options.relativeGap();
    }

    /** The iteration cap requested, or {@code solverDefault} when none was set. */
    public long maxIterations(long solverDefault) {
        return options.maxIterations() == null ? solverDefault : options.maxIterations();
    }

    /** The seed of randomized solvers. */
    public long seed() {
        return options.seed();
    }

    /**
     * The parameter's value: as given, else its default; null when neither exists.
     *
     * @throws IllegalStateException when the solver did not declare {@code parameter} (a bug in
     *     the solver, not bad input)
     */
    public <T> T value(SolverParameter<T> parameter) {
        if (!declared.contains(parameter.name())) {
            throw new IllegalStateException("parameter " + parameter.name() + " is not declared by this solver");
        }
        return parameter.type().cast(values.get(parameter.name()));
    }

    /**
     * Marks the end of one-time setup (loading a model from disk): the result's solve time counts
     * from here, so it measures the method and not the cache. The deadline does not move.
     */
    public void setupDone() {
        clockStartNanos = clock.getAsLong();
    }

    /** Milliseconds since the clock started (or since {@link #setupDone}). */
    double elapsedMillis() {
        return (clock.getAsLong() - clockStartNanos) / 1e6;
    }
}

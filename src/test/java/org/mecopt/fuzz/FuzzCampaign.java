package org.mecopt.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.OptionalField;
import org.mecopt.api.Problem;
import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.api.Status;
import org.mecopt.contract.Fixtures;
import org.mecopt.io.Json;

/**
 * A seeded fuzz campaign: mutants of every registered family's contract fixtures ({@link Mutator})
 * go through the JSON reader, and every accepted one through every registered solver of its family
 * under a time limit and a watchdog. The findings are the breaches of these properties:
 * <ul>
 * <li>{@code accepted-invalid}: a mutant no valid instance can read from was accepted;
 * <li>{@code unnamed-rejection}: a rejection that is not an {@link InvalidInstanceException} whose
 *     message starts with its field, or (for a mutant that must be rejected) names another field;
 * <li>{@code coerced}: an accepted instance differs from what its JSON says;
 * <li>{@code crash}: a solver threw on an accepted (valid) instance; {@code hang}: the watchdog fired;
 * <li>{@code inconsistent}: a feasible status with violations or a non-finite objective;
 * <li>{@code false-certificate}: a bound beaten by another solver's feasible point, or an OPTIMAL
 *     objective worse than another's beyond its gap;
 * <li>{@code overrun}: a solve that ran past its time limit by more than the slack.
 * </ul>
 *
 * @see FuzzFastSliceTest
 */
final class FuzzCampaign {

    /** Relative and absolute rounding a bound or an OPTIMAL objective may show on the wrong side. */
    static final double CERTIFICATE_ROUNDING = 1e-9;
    /** How far past its limit a solve may end (one iteration, a GC pause) before it is an overrun. */
    static final long TIME_SLACK_MILLIS = 1_500;

    /**
     * @param seed the mutant stream's seed
     * @param mutantsPerFamily mutants of each family (spread over its fixtures)
     * @param timeLimitMillis each solve's limit
     * @param watchdogMillis when a solve is given up as hung
     * @param solve whether accepted instances are solved (false: the reader alone)
     */
    record Settings(long seed, int mutantsPerFamily, long timeLimitMillis, long watchdogMillis, boolean solve) {
    }

    /** One breach: which property, on which mutant, what was seen. */
    record Finding(String property, String mutant, String detail) {
        @Override
        public String toString() {
            return property + " | " + mutant + " | " + detail;
        }
    }

    /** What a campaign did and found. */
    static final class Report {
        long mutants;
        long rejected;
        long accepted;
        long solverCalls;
        final Map<String, Long> statuses = new TreeMap<>();
        final List<Finding> findings = new ArrayList<>();
        /** Valid instances a solver answered NUMERICAL_ERROR (allowed, but worth a look), with its message. */
        final List<Finding> numericalErrors = new ArrayList<>();

        List<Finding> findings(String property) {
            return findings.stream().filter(f -> f.property().equals(property)).toList();
        }

        @Override
        public String toString() {
            Map<String, Long> byProperty = new TreeMap<>();
            findings.forEach(f -> byProperty.merge(f.property(), 1L, Long::sum));
            return mutants + " mutants: " + rejected + " rejected, " + accepted + " accepted; " + solverCalls
                    + " solver calls " + statuses + "; findings " + byProperty;
        }
    }

    /** One mutator per base instance (its locations are collected once). */
    private static final Map<Problem<?>, Mutator> MUTATORS = new ConcurrentHashMap<>();
    /** How JSON spells the doubles it has no literal for; Jackson reads them as numbers. */
    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");

    private FuzzCampaign() {
    }

    static Report run(Settings settings) {
        Report report = new Report();
        ExecutorService watchdog = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-solve");
            t.setDaemon(true); // a hung solve must not keep the JVM alive
            return t;
        });
        try {
            for (String family : SolverRegistry.problems()) {
                List<Fixtures.Instance> bases = Fixtures.instances(family);
                if (bases.isEmpty()) {
                    continue;
                }
                for (int i = 0; i < settings.mutantsPerFamily(); i++) {
                    Problem<?> base = bases.get(i % bases.size()).problem();
                    Mutator.Mutant m = mutator(base).mutant(settings.seed(), i / bases.size());
                    check(base, family + " #" + i + " " + m, m, settings, report, watchdog);
                }
            }
        } finally {
            watchdog.shutdownNow();
        }
        return report;
    }

    private static Mutator mutator(Problem<?> base) {
        return MUTATORS.computeIfAbsent(base, b -> new Mutator(Json.instanceTree(b), path -> optional(b.getClass(), path)));
    }

    private static boolean optional(Class<?> type, String path) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(path) && c.isAnnotationPresent(OptionalField.class)) {
                return true;
            }
        }
        return false;
    }

    private static void check(Problem<?> base, String label, Mutator.Mutant m, Settings settings, Report report,
                              ExecutorService watchdog) {
        report.mutants++;
        Problem<?> read;
        try {
            read = Json.readInstance(m.json(), typeOf(base), base.problemName());
        } catch (InvalidInstanceException e) {
            report.rejected++;
            String field = e.field();
            if (field == null || field.isBlank() || !e.getMessage().startsWith(field + " = ")) {
                report.findings.add(new Finding("unnamed-rejection", label, e.getMessage()));
            } else if (m.mustBeRejected() && !(field.equals(m.path()) || field.startsWith(m.path() + ".")
                    || field.startsWith(m.path() + "["))) {
                report.findings.add(new Finding("unnamed-rejection", label, "names " + field + ": " + e.getMessage()));
            }
            return;
        } catch (RuntimeException e) {
            report.rejected++;
            report.findings.add(new Finding("unnamed-rejection", label, e.toString()));
            return;
        }
        report.accepted++;
        if (m.mustBeRejected()) {
            report.findings.add(new Finding("accepted-invalid", label, "read as " + read));
            return;
        }
        String difference = difference(Json.readTree(m.json()), Json.instanceTree(read), "");
        if (difference != null) {
            report.findings.add(new Finding("coerced", label, difference));
        }
        if (settings.solve()) {
            solveWithEverySolver(read, label, settings, report, watchdog);
        }
    }

    @SuppressWarnings("unchecked")
    private static <P extends Problem<?>> Class<P> typeOf(Problem<?> base) {
        return (Class<P>) base.getClass();
    }

    /** The first field given in {@code given} whose value {@code read} does not hold (numbers by value); null if none. */
    private static String difference(JsonNode given, JsonNode read, String path) {
        if (given.isObject()) {
            for (Iterator<String> it = given.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                String child = path.isEmpty() ? key : path + "." + key;
                if (!given.get(key).isNull() && (read.get(key) == null || read.get(key).isNull())) {
                    return child + " was given but not read";
                }
                String d = given.get(key).isNull() ? null : difference(given.get(key), read.get(key), child);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (given.isArray()) {
            if (!read.isArray() || read.size() != given.size()) {
                return path + " has " + given.size() + " elements, read " + read.size();
            }
            for (int i = 0; i < given.size(); i++) {
                String d = difference(given.get(i), read.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        boolean same = given.isNumber() || NON_FINITE.contains(given.asText())
                ? read.isNumber() && Double.compare(given.asDouble(), read.asDouble()) == 0 || given.equals(read)
                : given.equals(read);
        return same ? null : path + " given " + given + ", read " + read;
    }

    private static void solveWithEverySolver(Problem<?> problem, String label, Settings settings, Report report,
                                             ExecutorService watchdog) {
        List<Result<?>> feasible = new ArrayList<>();
        List<Result<?>> results = new ArrayList<>();
        for (Solver<?, ?> solver : SolverRegistry.forProblem(problem.problemName())) {
            report.solverCalls++;
            String call = label + " | " + solver.name();
            SolverOptions options = Fixtures.options(solver, problem).withTimeLimitMillis(settings.timeLimitMillis());
            // a solver that needs parameters (kkt's assignment) certifies a restriction, not the problem
            boolean restricted = !options.parameters().isEmpty();
            Future<Result<?>> future = watchdog.submit(() -> solve(solver, problem, options));
            Result<?> r;
            try {
                r = future.get(settings.watchdogMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                report.findings.add(new Finding("hang", call, "no answer after " + settings.watchdogMillis() + " ms"));
                return; // the solve thread may still run: do not queue more behind it
            } catch (ExecutionException e) {
                report.findings.add(new Finding("crash", call, e.getCause().toString()));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            report.statuses.merge(r.status().name(), 1L, Long::sum);
            if (r.status() == Status.NUMERICAL_ERROR) {
                report.numericalErrors.add(new Finding("numerical-error", call, r.message()));
            }
            if (!restricted) {
                results.add(r);
            }
            if (r.hasFeasibleSolution()) {
                if (!r.violations().isEmpty() || !Double.isFinite(r.objective())) {
                    report.findings.add(new Finding("inconsistent", call, r.status() + " objective " + r.objective()
                            + " violations " + r.violations()));
                }
                feasible.add(r);
            }
            if (r.solveTimeMillis() > settings.timeLimitMillis() + TIME_SLACK_MILLIS) {
                report.findings.add(new Finding("overrun", call, r.solveTimeMillis() + " ms for a limit of "
                        + settings.timeLimitMillis() + " ms"));
            }
        }
        certificates(problem.minimize(), label, results, feasible, report);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Result<?> solve(Solver solver, Problem<?> problem, SolverOptions options) {
        return solver.solve(problem, options);
    }

    /** Every bound and every OPTIMAL claim against every feasible point found by any solver. */
    private static void certificates(boolean minimize, String label, List<Result<?>> results, List<Result<?>> feasible,
                                     Report report) {
        double sign = minimize ? 1 : -1; // compare as minimization
        for (Result<?> r : results) {
            for (Result<?> other : feasible) {
                double slack = CERTIFICATE_ROUNDING * Math.max(1, Math.abs(other.objective()));
                if (r.bound() != null && sign * r.bound() > sign * other.objective() + slack) {
                    report.findings.add(new Finding("false-certificate", label + " | " + r.solver(), r.status()
                            + " bound " + r.bound() + " beaten by " + other.solver() + "'s " + other.objective()));
                }
                if (r.status() == Status.OPTIMAL && r.hasFeasibleSolution()) {
                    double gap = r.gap() != null && Double.isFinite(r.gap()) ? r.gap() : 0;
                    double allowed = slack + gap * Math.abs(r.objective());
                    if (sign * r.objective() > sign * other.objective() + allowed) {
                        report.findings.add(new Finding("false-certificate", label + " | " + r.solver(), "OPTIMAL "
                                + r.objective() + " (gap " + r.gap() + ") worse than " + other.solver() + "'s "
                                + other.objective()));
                    }
                }
            }
        }
    }
}

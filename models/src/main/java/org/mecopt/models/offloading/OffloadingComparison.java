package org.mecopt.models.offloading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.api.Status;

import org.mecopt.models.learning.Quantiles;
import org.mecopt.offloading.OffloadingGenerator;
import org.mecopt.offloading.OffloadingInstance;
import org.mecopt.offloading.OffloadingSolution;

/**
 * Offloading solvers measured against the proven optimum ({@code exact}) on the same seeded
 * instances: the gap {@code (D − D*)/D*} of every feasible answer, the share solved optimally, the
 * share feasible, and the decision time. An instance whose optimum {@code exact} does not prove is
 * left out of the gaps and counted in {@link Comparison#unproven()}. Each solve is seeded with the
 * instance's index, so a randomized solver (roa) answers the same on every run.
 */
public final class OffloadingComparison {
    /** The reference; its status must be OPTIMAL for an instance to count. */
    public static final String REFERENCE = "exact";
    /** A gap at most this is "solved optimally" (the delays are equal up to rounding). */
    public static final double OPTIMAL_GAP = 1e-9;
    /** Untimed solves first, so the timings are of compiled code (as a long-running user meets it). */
    private static final int WARM_UP = 50;

    /**
     * @param solver        its name
     * @param feasibleShare answers without violations, over all instances
     * @param meanGap       over the proven instances with a feasible answer (a fraction: 0.01 = 1 %)
     * @param medianGap     idem
     * @param p95Gap        idem, 95th percentile
     * @param maxGap        idem
     * @param optimalShare  answers within {@link #OPTIMAL_GAP} of the optimum, over the proven instances
     * @param meanDelay     mean D of its own feasible answers, s (over another set of instances than a
     *                      row with another feasible share)
     * @param medianMillis  median decision time (the solve's own clock, warm)
     */
    public record Row(String solver, double feasibleShare, double meanGap, double medianGap, double p95Gap,
                      double maxGap, double optimalShare, double meanDelay, double medianMillis) {
    }

    /** The rows, with how many instances were compared and how many the reference did not prove. */
    public record Comparison(int instances, int unproven, List<Row> rows) {
        public Row row(String solver) {
            return rows.stream().filter(r -> r.solver().equals(solver)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no row for solver " + solver));
        }
    }

    private OffloadingComparison() {
    }

    /** A solver and the parameters it runs with (e.g. a learned solver's {@code model}). */
    public record Contender(Solver<OffloadingInstance, OffloadingSolution> solver, Map<String, String> parameters) {
        public Contender {
            parameters = Map.copyOf(parameters);
        }

        /** The registered solver of that name, with its defaults. */
        public static Contender of(String name) {
            return new Contender(SolverRegistry.get(OffloadingInstance.class, name), Map.of());
        }

        SolverOptions options(int instance) {
            SolverOptions o = SolverOptions.defaults().withSeed(instance);
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                o = o.withParameter(p.getKey(), p.getValue());
            }
            return o;
        }
    }

    /** The registered solvers named, on {@code count} instances of {@code config} from seed {@code firstSeed}. */
    public static Comparison run(OffloadingGenerator.Config config, long firstSeed, int count, List<String> solvers,
                                 Consumer<String> progress) {
        return compare(instances(config, firstSeed, count), solvers.stream().map(Contender::of).toList(), progress);
    }

    public static List<OffloadingInstance> instances(OffloadingGenerator.Config config, long firstSeed, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count = " + count + " must be >= 1");
        }
        List<OffloadingInstance> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(OffloadingGenerator.generate(config, firstSeed + i));
        }
        return out;
    }

    public static Comparison compare(List<OffloadingInstance> instances, List<Contender> contenders,
                                     Consumer<String> progress) {
        Solver<OffloadingInstance, OffloadingSolution> exact = SolverRegistry.get(OffloadingInstance.class, REFERENCE);
        double[] optimum = new double[instances.size()];
        int unproven = 0;
        for (int i = 0; i < instances.size(); i++) {
            Result<OffloadingSolution> r = exact.solve(instances.get(i), SolverOptions.defaults());
            optimum[i] = r.status() == Status.OPTIMAL ? r.objective() : Double.NaN;
            unproven += r.status() == Status.OPTIMAL ? 0 : 1;
            if ((i + 1) % 100 == 0) {
                progress.accept(REFERENCE + ": " + (i + 1) + "/" + instances.size() + " optima");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Contender contender : contenders) {
            rows.add(row(contender, instances, optimum));
            progress.accept(contender.solver().name() + " compared");
        }
        return new Comparison(instances.size(), unproven, List.copyOf(rows));
    }

    private static Row row(Contender contender, List<OffloadingInstance> instances, double[] optimum) {
        Solver<OffloadingInstance, OffloadingSolution> solver = contender.solver();
        for (int i = 0; i < Math.min(WARM_UP, instances.size()); i++) {
            solver.solve(instances.get(i), contender.options(i));
        }
        int n = instances.size();
        double[] millis = new double[n];
        List<Double> gaps = new ArrayList<>();
        double delaySum = 0;
        int feasible = 0;
        int proven = 0;
        int optimal = 0;
        for (int i = 0; i < n; i++) {
            Result<OffloadingSolution> r = solver.solve(instances.get(i), contender.options(i));
            millis[i] = r.solveTimeMillis();
            boolean ok = r.hasFeasibleSolution() && r.violations().isEmpty();
            if (ok) {
                feasible++;
                delaySum += r.objective();
            }
            if (!Double.isNaN(optimum[i])) {
                proven++;
                if (ok) {
                    // Unclamped: below the proven optimum would be a certificate bug, and must show.
                    double gap = (r.objective() - optimum[i]) / optimum[i];
                    gaps.add(gap);
                    optimal += gap <= OPTIMAL_GAP ? 1 : 0;
                }
            }
        }
        double[] sorted = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Arrays.sort(millis);
        boolean any = sorted.length > 0;
        return new Row(solver.name(), (double) feasible / n,
                any ? Arrays.stream(sorted).average().orElseThrow() : Double.NaN,
                any ? Quantiles.of(sorted, 0.5) : Double.NaN, any ? Quantiles.of(sorted, 0.95) : Double.NaN,
                any ? sorted[sorted.length - 1] : Double.NaN, proven == 0 ? Double.NaN : (double) optimal / proven,
                feasible == 0 ? Double.NaN : delaySum / feasible, Quantiles.of(millis, 0.5));
    }
}

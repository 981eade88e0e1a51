package org.mecopt.benchmarks;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.offloading.KktAllocation;
import org.mecopt.offloading.OffloadingGenerator;
import org.mecopt.offloading.OffloadingInstance;
import org.mecopt.offloading.OffloadingSolution;

/**
 * Measurement, not a test (issue 12, item 1): {@code exact} against OR-Tools CP-SAT (the integer
 * model of {@link CpSatBenchmark.ScaledModel}) on the same unseen instances, side by side in one
 * JVM, on the seed-004 distributions at two capacity families per size: <em>loose</em>
 * {@code maxTasks = ⌈1.5·M/N⌉} and <em>tight</em> {@code maxTasks = M/N} (every server full).
 *
 * <p>Per instance it solves with both, in alternating order (so neither always runs on a warmer
 * cache or a quieter machine), and prints the wall times, statuses, {@code exact}'s node count, the
 * ratio CP-SAT / exact, and how far CP-SAT's assignment is from {@code exact}'s in the real
 * objective (CP-SAT optimizes an integer-scaled model, so it may be ~1e-6 off on near-ties). Then,
 * per family: median and worst ratio, status counts, and the load average at start and end. The
 * ratio is of wall times, CP-SAT using its workers in parallel and {@code exact} one thread; the
 * process CPU time of each solve is printed beside it (CP-SAT's native workers included), as the
 * shared machine stretches wall time by its load.
 *
 * <p>HOW TO RUN: {@code mvn -B -ntp -q -o package -pl benchmarks -am -DskipTests} then
 * {@code java -cp benchmarks/target/benchmarks.jar org.mecopt.benchmarks.ExactCpSatComparison
 * [SIZES [COUNT [FIRST_SEED [WORKERS [LIMIT_S [GAP]]]]]]}, defaults {@code 20x4,30x5 10 7000 2 60}
 * and {@code exact}'s default gap (1e-9).
 */
public final class ExactCpSatComparison {

    private ExactCpSatComparison() {
    }

    /** One instance's side-by-side result. */
    private record Row(long seed, double exactMs, double exactCpuMs, String exactStatus, long nodes, double exactGap,
                       double cpsatMs, double cpsatCpuMs, String cpsatStatus, double relativeDifference) {
        double ratio() {
            return cpsatMs / exactMs;
        }
    }

    public static void main(String[] args) {
        String[] sizes = (args.length > 0 ? args[0] : "20x4,30x5").split(",");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long firstSeed = args.length > 2 ? Long.parseLong(args[2]) : 7000;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        double limitSeconds = args.length > 4 ? Double.parseDouble(args[4]) : 60;
        // exact's relative gap; CP-SAT's integer model is only ~5e-6 precise whatever this is
        Double gap = args.length > 5 ? Double.valueOf(args[5]) : null;
        Loader.loadNativeLibraries();
        Solver<OffloadingInstance, OffloadingSolution> exact = SolverRegistry.get(OffloadingInstance.class, "exact");
        SolverOptions options = SolverOptions.defaults().withTimeLimitMillis((long) (limitSeconds * 1000));
        if (gap != null) {
            options = options.withRelativeGap(gap);
        }
        CpSolver cpsat = new CpSolver();
        cpsat.getParameters().setNumWorkers(workers).setMaxTimeInSeconds(limitSeconds);
        // warm-up on seeds outside the measured range: JIT for exact, native start-up for CP-SAT
        warmUp(exact, options);
        cpsat.solve(CpSatBenchmark.ScaledModel.build(OffloadingGenerator.generate(WARM_UP, 0)).model);

        System.out.printf("exact (gap %s) vs CP-SAT (%d workers), limit %.0f s each, seeds %d..%d, load at start %.2f%n",
                gap == null ? "default" : gap, workers, limitSeconds, firstSeed, firstSeed + count - 1, load());
        for (String size : sizes) {
            String[] p = size.split("x");
            int m = Integer.parseInt(p[0]);
            int n = Integer.parseInt(p[1]);
            int loose = capacityFamilies(m, n)[0];
            for (int maxTasks : capacityFamilies(m, n)) {
                String family = m + "x" + n + "x" + maxTasks + (maxTasks == loose ? " (loose)" : " (tight)");
                OffloadingGenerator.Config config = OffloadingGenerator.Config.PAPER.withSize(m, n, maxTasks);
                List<Row> rows = new ArrayList<>();
                double loadBefore = load();
                for (int i = 0; i < count; i++) {
                    long seed = firstSeed + i;
                    Row row = compare(exact, options, cpsat, OffloadingGenerator.generate(config, seed), seed, i % 2 == 0);
                    rows.add(row);
                    System.out.printf("%-18s seed %5d  exact %9.1f ms (cpu %9.1f) %-13s %11d nodes gap %.1e | cp-sat"
                                    + " %9.1f ms (cpu %9.1f) %-9s | ratio %8.2f | (cpsat-exact)/exact %+.1e%n",
                            family, seed, row.exactMs, row.exactCpuMs, row.exactStatus, row.nodes, row.exactGap,
                            row.cpsatMs, row.cpsatCpuMs, row.cpsatStatus, row.ratio(), row.relativeDifference);
                }
                summarize(family, rows, loadBefore);
            }
        }
    }

    private static Row compare(Solver<OffloadingInstance, OffloadingSolution> exact, SolverOptions options,
                               CpSolver cpsat, OffloadingInstance instance, long seed, boolean exactFirst) {
        Result<OffloadingSolution> r = null;
        double exactMs = 0;
        double cpsatMs = 0;
        double exactCpu = 0;
        double cpsatCpu = 0;
        CpSolverStatus status = null;
        int[] assignment = null;
        for (int pass = 0; pass < 2; pass++) {
            if ((pass == 0) == exactFirst) {
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                r = exact.solve(instance, options);
                exactMs = (System.nanoTime() - t0) / 1e6;
                exactCpu = (processCpuNanos() - c0) / 1e6;
            } else {
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                CpSatBenchmark.ScaledModel model = CpSatBenchmark.ScaledModel.build(instance);
                status = cpsat.solve(model.model);
                assignment = model.assignment(cpsat);
                cpsatMs = (System.nanoTime() - t0) / 1e6;
                cpsatCpu = (processCpuNanos() - c0) / 1e6;
            }
        }
        double difference = Double.NaN;
        if (assignment != null) {
            double real = instance.objective(KktAllocation.solution(instance, assignment));
            difference = (real - r.objective()) / r.objective();
        }
        return new Row(seed, exactMs, exactCpu, r.status().toString(), r.iterations(),
                r.gap() == null ? Double.NaN : r.gap(), cpsatMs, cpsatCpu, status.toString(), difference);
    }

    private static void summarize(String family, List<Row> rows, double loadBefore) {
        double[] ratios = rows.stream().mapToDouble(Row::ratio).sorted().toArray();
        double[] exactMs = rows.stream().mapToDouble(Row::exactMs).sorted().toArray();
        double[] cpsatMs = rows.stream().mapToDouble(Row::cpsatMs).sorted().toArray();
        long exactOptimal = rows.stream().filter(r -> r.exactStatus.equals("OPTIMAL")).count();
        long cpsatOptimal = rows.stream().filter(r -> r.cpsatStatus.equals("OPTIMAL")).count();
        double worstDifference = rows.stream().mapToDouble(Row::relativeDifference).filter(d -> !Double.isNaN(d))
                .map(Math::abs).max().orElse(Double.NaN);
        System.out.printf("SUMMARY %-18s n=%d | exact ms median %.1f max %.1f, OPTIMAL %d/%d | cp-sat ms median %.1f"
                        + " max %.1f, OPTIMAL %d/%d | ratio cp-sat/exact median %.2f worst %.2f | max |obj diff| %.1e"
                        + " | load %.2f -> %.2f%n",
                family, rows.size(), median(exactMs), exactMs[exactMs.length - 1], exactOptimal, rows.size(),
                median(cpsatMs), cpsatMs[cpsatMs.length - 1], cpsatOptimal, rows.size(), median(ratios), ratios[0],
                worstDifference, loadBefore, load());
    }

    private static double median(double[] sorted) {
        int k = sorted.length;
        return k % 2 == 1 ? sorted[k / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2;
    }

    /** CPU time of the whole process, CP-SAT's native worker threads included (JIT and GC too, a little). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Issue 12's capacity families for M devices on N servers: loose {@code ⌈1.5·M/N⌉}, tight {@code ⌈M/N⌉}. */
    static int[] capacityFamilies(int m, int n) {
        return new int[] {(int) Math.ceil(1.5 * m / n), (m + n - 1) / n};
    }

    /** Instances of a size outside every measured family, for the JIT. */
    static final OffloadingGenerator.Config WARM_UP = OffloadingGenerator.Config.PAPER.withSize(12, 3, 4);

    /** Solves 30 {@link #WARM_UP} instances, so the measured solves run compiled code. */
    static void warmUp(Solver<OffloadingInstance, OffloadingSolution> exact, SolverOptions options) {
        for (long s = 0; s < 30; s++) {
            exact.solve(OffloadingGenerator.generate(WARM_UP, s), options);
        }
    }
}

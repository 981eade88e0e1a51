package org.mecopt.benchmarks;

import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.offloading.OffloadingGenerator;
import org.mecopt.offloading.OffloadingInstance;
import org.mecopt.offloading.OffloadingSolution;

/**
 * {@code exact} alone on large offloading instances (default 100 devices × 10 servers, seed-004
 * distributions), at the loose ({@code maxTasks = ⌈1.5·M/N⌉}) and tight ({@code M/N}) capacity, for
 * each requested relative gap: status, certified gap, wall time and nodes per instance. No CP-SAT
 * here: it cannot prove these sizes in minutes (issue 12).
 *
 * <p>Args: {@code SIZE COUNT FIRST_SEED LIMIT_SECONDS GAPS}, e.g. {@code 100x10 10 7000 10 1e-4,1e-9}.
 */
public final class ExactLargeRun {
    private ExactLargeRun() {
    }

    public static void main(String[] args) {
        String[] size = (args.length > 0 ? args[0] : "100x10").split("x");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long firstSeed = args.length > 2 ? Long.parseLong(args[2]) : 7000;
        double limitSeconds = args.length > 3 ? Double.parseDouble(args[3]) : 10;
        String[] gaps = (args.length > 4 ? args[4] : "1e-4,1e-9").split(",");
        int m = Integer.parseInt(size[0]);
        int n = Integer.parseInt(size[1]);
        Solver<OffloadingInstance, OffloadingSolution> exact = SolverRegistry.get(OffloadingInstance.class, "exact");
        ExactCpSatComparison.warmUp(exact, SolverOptions.defaults());
        for (String g : gaps) {
            double gap = Double.parseDouble(g);
            SolverOptions options = SolverOptions.defaults().withTimeLimitMillis((long) (limitSeconds * 1000))
                    .withRelativeGap(gap);
            for (int maxTasks : ExactCpSatComparison.capacityFamilies(m, n)) {
                OffloadingGenerator.Config config = OffloadingGenerator.Config.PAPER.withSize(m, n, maxTasks);
                System.out.printf("%dx%dx%d gap %s, limit %.0f s, load %.2f%n", m, n, maxTasks, g, limitSeconds, ExactCpSatComparison.load());
                for (int i = 0; i < count; i++) {
                    long seed = firstSeed + i;
                    OffloadingInstance instance = OffloadingGenerator.generate(config, seed);
                    long t0 = System.nanoTime();
                    Result<OffloadingSolution> r = exact.solve(instance, options.withSeed(seed));
                    double ms = (System.nanoTime() - t0) / 1e6;
                    System.out.printf("  seed %d  %-13s gap %.2e  %8.1f ms  %10d nodes  objective %.9g%n", seed,
                            r.status(), r.gap() == null ? Double.NaN : r.gap(), ms, r.iterations(), r.objective());
                }
            }
        }
    }
}

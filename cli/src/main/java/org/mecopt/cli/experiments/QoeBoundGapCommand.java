package org.mecopt.cli.experiments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.edge.EdgeEvaluator;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.edge.EdgeSystemGenerator;
import org.mecopt.edge.LocalSearchAllocator;
import org.mecopt.edge.bound.ExactAllocation;
import org.mecopt.edge.bound.LagrangianBound;
import org.mecopt.io.AtomicFiles;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How tight the Lagrangian upper bound is: on small seed-003 systems, the exact optimum
 * ({@link ExactAllocation}, certified to 1e-9) beside the bound and our local search. With
 * {@code --capacity per-user} every server keeps the capacity per user of a 110-user system
 * ({@code P_h · |U|/110}), so a few users compete as hard as 110 do; with {@code table} they get
 * Table III's servers and hardly compete.
 */
@Command(name = "qoe-bound-gap", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Seed 003: the Lagrangian upper bound and local search against the exact optimum of small systems.")
final class QoeBoundGapCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "Output CSV file.")
    Path out;

    @Option(names = "--users", split = ",", defaultValue = "4,6,8,10",
            description = "Numbers of users, each <= " + ExactAllocation.MAX_USERS + " (default ${DEFAULT-VALUE}).")
    List<Integer> users;

    @Option(names = "--seeds", defaultValue = "10", description = "Systems per point (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--seed", defaultValue = "1000000", description = "Seed of the first system (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--capacity", defaultValue = "per-user",
            description = "table (Table III servers) or per-user (scaled by |U|/110) (default ${DEFAULT-VALUE}).")
    String capacity;

    @Override
    public Integer call() throws Exception {
        if (seeds < 1) {
            throw new InvalidInstanceException("--seeds", seeds, "must be >= 1");
        }
        for (int n : users) {
            if (n < 1 || n > ExactAllocation.MAX_USERS) {
                throw new InvalidInstanceException("--users", n, "must be in [1, " + ExactAllocation.MAX_USERS + "]");
            }
        }
        if (!capacity.equals("table") && !capacity.equals("per-user")) {
            throw new InvalidInstanceException("--capacity", capacity, "must be table or per-user");
        }
        ExperimentFiles.checkFile(out);
        StringBuilder csv = new StringBuilder("users,capacity,system_seed,optimum_lower,optimum_upper,bound,bound_gap,"
                + "local_search,local_search_fraction,exact_millis,bound_millis\n");
        StringBuilder summary = new StringBuilder("users,capacity,systems,mean_bound_gap,max_bound_gap,"
                + "mean_local_search_fraction,min_local_search_fraction\n");
        EdgeSystemGenerator.Config base = EdgeSystemGenerator.Config.SEED_003;
        for (int n : users) {
            double[] cap = base.serverCapacityHz();
            if (capacity.equals("per-user")) {
                for (int h = 0; h < cap.length; h++) {
                    cap[h] *= n / 110.0;
                }
            }
            EdgeSystemGenerator.Config config = new EdgeSystemGenerator.Config(n, cap, base.linkRateMinBps(),
                    base.linkRateMaxBps(), base.linkDelayMinS(), base.linkDelayMaxS(), base.cloudRateBps(),
                    base.cloudDelayS(), base.cloudCpuHz(), base.distributions());
            double[] gaps = new double[seeds];
            double[] fractions = new double[seeds];
            for (int s = 0; s < seeds; s++) {
                EdgeSystem system = EdgeSystemGenerator.generate(config, seed + s);
                long start = System.nanoTime();
                ExactAllocation.Result exact = ExactAllocation.solve(system);
                double exactMs = (System.nanoTime() - start) / 1e6;
                LagrangianBound.Result bound = LagrangianBound.compute(system);
                double ls = new EdgeEvaluator(system, SigmoidalProgramming.Settings.DEFAULTS)
                        .evaluate(new LocalSearchAllocator().allocate(system)).systemQoe();
                // the optimum is at most exact.upper, so this understates the gap by at most 1e-9
                gaps[s] = (bound.value() - exact.upper()) / exact.upper();
                fractions[s] = ls / exact.lower();
                csv.append(String.format(Locale.ROOT, "%d,%s,%d,%.8f,%.8f,%.8f,%.6f,%.8f,%.6f,%.1f,%.1f%n", n, capacity,
                        seed + s, exact.lower(), exact.upper(), bound.value(), gaps[s], ls, fractions[s], exactMs,
                        bound.millis()));
            }
            summary.append(String.format(Locale.ROOT, "%d,%s,%d,%.5f,%.5f,%.5f,%.5f%n", n, capacity, seeds,
                    SampleMean.of(gaps).mean(), java.util.Arrays.stream(gaps).max().orElseThrow(),
                    SampleMean.of(fractions).mean(), java.util.Arrays.stream(fractions).min().orElseThrow()));
            spec.commandLine().getErr().printf(Locale.ROOT, "|U| = %d done%n", n);
        }
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        AtomicFiles.writeString(out, csv.toString());
        spec.commandLine().getOut().print(summary);
        spec.commandLine().getOut().flush();
        return 0;
    }
}

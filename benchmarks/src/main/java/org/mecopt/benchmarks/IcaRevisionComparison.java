package org.mecopt.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.channel.ChannelModel;
import org.mecopt.latency.LatencyGenerator;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.latency.LatencySolution;

/**
 * Measurement, not a test (issue 12, item 3): this build's {@code ica} against another build's,
 * in one JVM, alternating per instance, so that both see the same load. The other build is a
 * {@code benchmarks.jar} of an earlier commit, loaded in its own class loader and driven through
 * the public API by reflection (its classes share names with ours). Per solve it takes the thread
 * CPU time; it prints for each side the time distribution, the certified gap to the lower bound
 * and the statuses, how many results are identical (objective to the bit, and status), and how
 * often the new end is worse or better than the old by more than 0.1 % and 0.5 %. Cell-free, M = 64, N = 4, default options.
 *
 * <p>HOW TO RUN: build the old commit's jar ({@code git worktree add /tmp/old COMMIT}, then
 * {@code mvn -B -ntp -q -o -DskipTests package -pl benchmarks -am} there), then
 * {@code java -cp benchmarks/target/benchmarks.jar org.mecopt.benchmarks.IcaRevisionComparison
 * /tmp/old/benchmarks/target/benchmarks.jar [USERS [COUNT [FIRST_SEED]]]}, defaults {@code 10 200 5000}.
 */
public final class IcaRevisionComparison {

    private IcaRevisionComparison() {
    }

    /** One side's outcome of a solve: CPU ms, objective, bound, status. */
    private record Solve(double millis, double objective, double bound, String status) {
    }

    private interface Side {
        Solve solve(long seed) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path oldJar = Path.of(args[0]);
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        long firstSeed = args.length > 3 ? Long.parseLong(args[3]) : 5000;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        LatencyGenerator.Config config = LatencyGenerator.Config.PAPER.with(ChannelModel.CELLFREE, users, 64, 4);
        Solver<LatencyInstance, LatencySolution> ica = SolverRegistry.get(LatencyInstance.class, "ica");
        Side now = seed -> {
            LatencyInstance instance = LatencyGenerator.generate(config, seed);
            long start = cpu.getCurrentThreadCpuTime();
            Result<LatencySolution> r = ica.solve(instance, SolverOptions.defaults());
            double millis = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
            return new Solve(millis, r.objective(), r.bound(), r.status().toString());
        };
        Side old = oldSide(oldJar, users, cpu);
        Side[] sides = {old, now};
        String[] names = {"old " + oldJar.getFileName(), "new"};
        for (int s = 0; s < Math.min(count, 20); s++) { // warm-up on other seeds
            old.solve(s);
            now.solve(s);
        }
        Solve[][] results = new Solve[2][count];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < 2; j++) {
                int v = (i + j) % 2; // alternate which side goes first
                results[v][i] = sides[v].solve(firstSeed + i);
            }
        }
        System.out.printf("ica, K=%d, N=4, M=64, %d instances from seed %d, thread CPU time per solve%n", users, count, firstSeed);
        for (int v = 0; v < 2; v++) {
            double[] t = new double[count];
            double[] g = new double[count];
            Map<String, Integer> statuses = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                t[i] = results[v][i].millis();
                g[i] = results[v][i].objective() / results[v][i].bound() - 1;
                statuses.merge(results[v][i].status(), 1, Integer::sum);
            }
            Arrays.sort(t);
            Arrays.sort(g);
            System.out.printf("%s: CPU ms median %.2f p90 %.2f mean %.2f max %.1f | gap to bound median %.4f%% p95 %.4f%% "
                            + "p99 %.4f%% max %.4f%% | %s%n", names[v], t[count / 2], t[count * 9 / 10],
                    Arrays.stream(t).average().orElse(0), t[count - 1], 100 * g[count / 2], 100 * g[count * 95 / 100],
                    100 * g[count * 99 / 100], 100 * g[count - 1], statuses);
        }
        int identical = 0;
        for (int i = 0; i < count; i++) {
            identical += results[1][i].objective() == results[0][i].objective()
                    && results[1][i].status().equals(results[0][i].status()) ? 1 : 0;
        }
        System.out.printf("identical objective and status: %d of %d%n", identical, count);
        int[] worse = new int[2];
        int[] better = new int[2];
        double worst = 0;
        double best = 0;
        for (int i = 0; i < count; i++) {
            double change = results[1][i].objective() / results[0][i].objective() - 1;
            worse[0] += change > 1e-3 ? 1 : 0;
            worse[1] += change > 5e-3 ? 1 : 0;
            better[0] += change < -1e-3 ? 1 : 0;
            better[1] += change < -5e-3 ? 1 : 0;
            worst = Math.max(worst, change);
            best = Math.min(best, change);
        }
        System.out.printf("new against old: worse by > 0.1 %% on %d, > 0.5 %% on %d (worst %+.3f%%); better by > 0.1 %% "
                + "on %d, > 0.5 %% on %d (best %+.3f%%)%n", worse[0], worse[1], 100 * worst, better[0], better[1], 100 * best);
    }

    /** The old build's {@code ica}, through its own class loader and public API. */
    private static Side oldSide(Path jar, int users, ThreadMXBean cpu) throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> model = loader.loadClass("org.mecopt.channel.ChannelModel");
        Class<?> configClass = loader.loadClass("org.mecopt.latency.LatencyGenerator$Config");
        Class<?> generator = loader.loadClass("org.mecopt.latency.LatencyGenerator");
        Class<?> instanceClass = loader.loadClass("org.mecopt.latency.LatencyInstance");
        Class<?> optionsClass = loader.loadClass("org.mecopt.api.SolverOptions");
        Class<?> resultClass = loader.loadClass("org.mecopt.api.Result");
        Object cellFree = model.getField("CELLFREE").get(null);
        Object config = configClass.getMethod("with", model, int.class, int.class, int.class)
                .invoke(configClass.getField("PAPER").get(null), cellFree, users, 64, 4);
        Method generate = generator.getMethod("generate", configClass, long.class);
        Object defaults = optionsClass.getMethod("defaults").invoke(null);
        ClassLoader ours = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader); // the registry's ServiceLoader looks there
        Object solver;
        try {
            solver = loader.loadClass("org.mecopt.api.SolverRegistry").getMethod("get", Class.class, String.class)
                    .invoke(null, instanceClass, "ica");
        } finally {
            Thread.currentThread().setContextClassLoader(ours);
        }
        Method solve = null;
        for (Method m : loader.loadClass("org.mecopt.api.Solver").getMethods()) {
            if (m.getName().equals("solve") && m.getParameterCount() == 2 && m.getParameterTypes()[1] == optionsClass) {
                solve = m; // the erasure of solve(P, SolverOptions)
            }
        }
        Method solveMethod = solve;
        Method objective = resultClass.getMethod("objective");
        Method bound = resultClass.getMethod("bound");
        Method status = resultClass.getMethod("status");
        return seed -> {
            Object instance = generate.invoke(null, config, seed);
            long start = cpu.getCurrentThreadCpuTime();
            Object r = solveMethod.invoke(solver, instance, defaults);
            double millis = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
            return new Solve(millis, (double) objective.invoke(r), (double) bound.invoke(r), status.invoke(r).toString());
        };
    }
}

package org.mecopt.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.api.Status;
import org.mecopt.channel.ChannelModel;
import org.mecopt.latency.IcaSolver;
import org.mecopt.latency.LatencyGenerator;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.latency.LatencySolution;

/**
 * Measurement, not a test (issue 12, item 3): {@code ica} (default, warm-started loop) against the
 * loop before issue 12 ({@code subproblems=cold}) on unseen instances (cell-free, M = 64, N = 4),
 * in one JVM, interleaved per instance. Per solve it takes the <em>thread CPU time</em>
 * ({@link ThreadMXBean}), which a shared machine distorts far less than wall time. Prints, for each
 * loop, the CPU time distribution, the certified gap to the interference-free bound (the labels'
 * distance from it) and the statuses; with {@code REFERENCE} random starts > 0 also how far each is
 * above the best known point (the best of both, {@code ica-paper}, {@code ica} from equal power and
 * {@code ica} from that many seeded random splits; slow).
 *
 * <p>HOW TO RUN: {@code mvn -B -ntp -q package -pl benchmarks -am -DskipTests} then
 * {@code java -cp benchmarks/target/benchmarks.jar org.mecopt.benchmarks.IcaUnseenComparison
 * [USERS [COUNT [FIRST_SEED [REFERENCE]]]]}, defaults {@code 10 200 5000 0}. The README's numbers:
 * {@code 10 200 5000 0} and {@code 10 100 6000 3}, and {@code 50 8 1000 0} for K = 50.
 */
public final class IcaUnseenComparison {

    private IcaUnseenComparison() {
    }

    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long firstSeed = args.length > 2 ? Long.parseLong(args[2]) : 5000;
        int reference = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        LatencyGenerator.Config config = LatencyGenerator.Config.PAPER.with(ChannelModel.CELLFREE, users, 64, 4);
        Solver<LatencyInstance, LatencySolution> ica = SolverRegistry.get(LatencyInstance.class, "ica");
        Solver<LatencyInstance, LatencySolution> paper = SolverRegistry.get(LatencyInstance.class, "ica-paper");
        String[] names = {"cold", "warm"};
        SolverOptions[] options = {SolverOptions.defaults().withParameter("subproblems", "cold"), SolverOptions.defaults()};
        for (int s = 0; s < Math.min(count, 20); s++) { // warm-up on other seeds
            for (SolverOptions o : options) {
                ica.solve(LatencyGenerator.generate(config, s), o);
            }
        }
        double[][] millis = new double[2][count];
        double[][] gaps = new double[2][count];
        double[][] objectives = new double[2][count];
        double[] best = new double[count];
        @SuppressWarnings("unchecked")
        Map<Status, Integer>[] statuses = new Map[] {new TreeMap<>(), new TreeMap<>()};
        for (int i = 0; i < count; i++) {
            LatencyInstance instance = LatencyGenerator.generate(config, firstSeed + i);
            for (int v = 0; v < 2; v++) {
                long start = cpu.getCurrentThreadCpuTime();
                Result<LatencySolution> r = ica.solve(instance, options[v]);
                millis[v][i] = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
                objectives[v][i] = r.objective();
                gaps[v][i] = r.objective() / r.bound() - 1;
                statuses[v].merge(r.status(), 1, Integer::sum);
            }
            best[i] = Math.min(objectives[0][i], objectives[1][i]);
            if (reference > 0) {
                best[i] = Math.min(best[i], paper.solve(instance).objective());
                best[i] = Math.min(best[i], ica.solve(instance, SolverOptions.defaults().withParameter("start", "equal-power"))
                        .objective());
                Random random = new Random(firstSeed + i);
                for (int r = 0; r < reference; r++) {
                    double[][] split = randomSplit(random, instance.subcarrierCount(), instance.userCount());
                    best[i] = Math.min(best[i], IcaSolver.startingFrom(x -> split)
                            .solve(instance, SolverOptions.defaults().withParameter("start", "equal-power")).objective());
                }
            }
        }
        System.out.printf("K=%d, N=4, M=64, %d instances from seed %d, thread CPU time per solve%n", users, count, firstSeed);
        for (int v = 0; v < 2; v++) {
            double[] t = millis[v].clone();
            double[] g = gaps[v].clone();
            Arrays.sort(t);
            Arrays.sort(g);
            int[] bins = new int[6];
            double[] edges = {1e-4, 1e-3, 2e-3, 5e-3, 1e-2};
            for (double x : gaps[v]) {
                int b = 0;
                while (b < edges.length && x > edges[b]) {
                    b++;
                }
                bins[b]++;
            }
            System.out.printf("%s: CPU ms median %.2f p90 %.2f mean %.2f max %.1f | gap to bound median %.4f%% p95 %.4f%%"
                            + " p99 %.4f%% max %.4f%% | gap bins <=0.01%% %d, <=0.1%% %d, <=0.2%% %d, <=0.5%% %d, <=1%% %d, >1%% %d | %s%n",
                    names[v], t[count / 2], t[count * 9 / 10], Arrays.stream(t).average().orElse(0), t[count - 1],
                    100 * g[count / 2], 100 * g[count * 95 / 100], 100 * g[count * 99 / 100], 100 * g[count - 1],
                    bins[0], bins[1], bins[2], bins[3], bins[4], bins[5], statuses[v]);
            if (reference > 0 || v == 0) {
                int above = 0;
                double worst = 0;
                for (int i = 0; i < count; i++) {
                    double excess = objectives[v][i] / best[i] - 1;
                    above += excess > 0.005 ? 1 : 0;
                    worst = Math.max(worst, excess);
                }
                System.out.printf("%s: above the best known%s by > 0.5 %% on %d, worst +%.3f%%%n", names[v],
                        reference > 0 ? "" : " (of the two loops)", above, 100 * worst);
            }
        }
    }

    private static double[][] randomSplit(Random random, int subcarriers, int users) {
        double[][] power = new double[subcarriers][users];
        for (int k = 0; k < users; k++) {
            double sum = 0;
            for (int n = 0; n < subcarriers; n++) {
                power[n][k] = -Math.log(1 - random.nextDouble());
                sum += power[n][k];
            }
            for (int n = 0; n < subcarriers; n++) {
                power[n][k] /= sum;
            }
        }
        return power;
    }
}

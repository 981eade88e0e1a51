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
 * distance from it) and the statuses; with {@code REFERENCE} random starts > 0 also how far the
 * default is above the best known point (the best of both, {@code ica-paper}, {@code ica} from
 * equal power, {@code ica} from that many seeded random splits and, at K = 10 where the bundled
 * model fits, {@code cnn-lstm} and {@code ica} from its prediction; slow), how often each of those
 * reaches it, and {@code ica} with the prediction as one more start ({@link IcaSolver#startingFrom}).
 * Multistart SLSQP, the fourth reference, is Python and not run here.
 *
 * <p>HOW TO RUN: {@code mvn -B -ntp -q package -pl benchmarks -am -DskipTests} then
 * {@code java -cp benchmarks/target/benchmarks.jar org.mecopt.benchmarks.IcaUnseenComparison
 * [USERS [COUNT [FIRST_SEED [REFERENCE]]]]}, defaults {@code 10 200 5000 0}. The README's numbers:
 * {@code 10 200 5000 0}, {@code 10 100 6000 3} and {@code 10 200 6100 3} (with {@code -Dai.djl.offline=true}),
 * and {@code 50 8 1000 0} for K = 50.
 */
public final class IcaUnseenComparison {

    private IcaUnseenComparison() {
    }

    /** The references of the best known point, in the order printed; the last two only where the bundled model fits. */
    private static final String[] REFERENCES = {"cold", "default", "ica-paper", "ica from equal power",
        "ica from random splits", "cnn-lstm", "ica from cnn-lstm's prediction"};
    private static final int CNN = 5;
    private static final int ICA_FROM_CNN = 6;

    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long firstSeed = args.length > 2 ? Long.parseLong(args[2]) : 5000;
        int reference = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        LatencyGenerator.Config config = LatencyGenerator.Config.PAPER.with(ChannelModel.CELLFREE, users, 64, 4);
        Solver<LatencyInstance, LatencySolution> ica = SolverRegistry.get(LatencyInstance.class, "ica");
        Solver<LatencyInstance, LatencySolution> paper = SolverRegistry.get(LatencyInstance.class, "ica-paper");
        // the bundled cnn-lstm model is for K = 10, N = 4, M = 64 (seed 001's setting) only
        boolean learned = reference > 0 && users == BUNDLED_USERS;
        Solver<LatencyInstance, LatencySolution> cnn = learned ? SolverRegistry.get(LatencyInstance.class, "cnn-lstm") : null;
        String[] names = {"cold", "warm"};
        SolverOptions[] options = {SolverOptions.defaults().withParameter("subproblems", "cold"), SolverOptions.defaults()};
        for (int s = 0; s < Math.min(count, 20); s++) { // warm-up on other seeds
            LatencyInstance instance = LatencyGenerator.generate(config, s);
            for (SolverOptions o : options) {
                ica.solve(instance, o);
            }
            if (learned) {
                double[][] predicted = cnn.solve(instance).solution().power();
                IcaSolver.startingFrom(x -> predicted).solve(instance);
            }
        }
        double[][] millis = new double[2][count];
        double[][] gaps = new double[2][count];
        double[][] objectives = new double[2][count];
        double[][] references = new double[REFERENCES.length][count];
        double[] learnedStartMillis = new double[count];
        double[] learnedStartObjective = new double[count];
        double[] fromPredictionMillis = new double[count];
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
                references[v][i] = r.objective();
            }
            if (reference > 0) {
                references[2][i] = paper.solve(instance).objective();
                references[3][i] = ica.solve(instance, SolverOptions.defaults().withParameter("start", "equal-power")).objective();
                references[4][i] = Double.POSITIVE_INFINITY;
                Random random = new Random(firstSeed + i);
                for (int r = 0; r < reference; r++) {
                    double[][] split = randomSplit(random, instance.subcarrierCount(), instance.userCount());
                    references[4][i] = Math.min(references[4][i], IcaSolver.startingFrom(x -> split)
                            .solve(instance, SolverOptions.defaults().withParameter("start", "equal-power")).objective());
                }
                references[CNN][i] = Double.NaN;
                references[ICA_FROM_CNN][i] = Double.NaN;
                if (learned) {
                    long start = cpu.getCurrentThreadCpuTime();
                    Result<LatencySolution> predicted = cnn.solve(instance);
                    double[][] power = predicted.solution().power();
                    // ica with the prediction as one more candidate start (the default otherwise): the learned-start variant
                    Result<LatencySolution> withStart = IcaSolver.startingFrom(x -> power).solve(instance);
                    learnedStartMillis[i] = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
                    learnedStartObjective[i] = withStart.objective();
                    references[CNN][i] = predicted.objective();
                    // ica from the prediction instead of its own start (restarts as usual)
                    start = cpu.getCurrentThreadCpuTime();
                    double[][] again = cnn.solve(instance).solution().power();
                    references[ICA_FROM_CNN][i] = IcaSolver.startingFrom(x -> again)
                            .solve(instance, SolverOptions.defaults().withParameter("start", "equal-power")).objective();
                    fromPredictionMillis[i] = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
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
        }
        if (reference == 0) {
            double[] best = new double[count];
            for (int i = 0; i < count; i++) {
                best[i] = Math.min(objectives[0][i], objectives[1][i]);
            }
            for (int v = 0; v < 2; v++) {
                printAbove(names[v] + " above the better of the two loops", objectives[v], best, firstSeed, false);
            }
            return;
        }
        int known = learned ? REFERENCES.length : CNN;
        double[] bestWithout = new double[count];
        double[] best = new double[count];
        for (int i = 0; i < count; i++) {
            bestWithout[i] = Double.POSITIVE_INFINITY;
            best[i] = Double.POSITIVE_INFINITY;
            for (int r = 0; r < known; r++) {
                if (r < CNN) {
                    bestWithout[i] = Math.min(bestWithout[i], references[r][i]);
                }
                best[i] = Math.min(best[i], references[r][i]);
            }
        }
        System.out.printf("best known = best of %s%s; multistart SLSQP (Python) is not among them%n",
                String.join(", ", Arrays.copyOf(REFERENCES, known)), learned ? "" : " (cnn-lstm's bundled model is for K = "
                        + BUNDLED_USERS + " only)");
        printAbove("default ica above the best known without cnn-lstm", objectives[1], bestWithout, firstSeed, false);
        printAbove("default ica above the best known", objectives[1], best, firstSeed, true);
        for (int r = 0; r < known; r++) {
            int reached = 0;
            int alone = 0;
            for (int i = 0; i < count; i++) {
                boolean atBest = references[r][i] <= best[i] * (1 + SAME);
                reached += atBest ? 1 : 0;
                boolean others = false;
                for (int o = 0; o < known; o++) {
                    others |= o != r && references[o][i] <= best[i] * (1 + SAME);
                }
                alone += atBest && !others ? 1 : 0;
            }
            double[] excess = new double[count];
            for (int i = 0; i < count; i++) {
                excess[i] = references[r][i] / best[i] - 1;
            }
            Arrays.sort(excess);
            System.out.printf("  %s: at the best known (within %.0e) on %d, the only one there on %d; above it median %.4f%% "
                    + "p95 %.4f%% max %.4f%%%n", REFERENCES[r], SAME, reached, alone, 100 * excess[count / 2],
                    100 * excess[count * 95 / 100], 100 * excess[count - 1]);
        }
        if (learned) {
            double[] t = learnedStartMillis.clone();
            Arrays.sort(t);
            System.out.printf("ica with cnn-lstm's prediction as one more start (IcaSolver.startingFrom, default options; "
                            + "CPU includes the prediction): CPU ms median %.2f p90 %.2f mean %.2f max %.1f%n", t[count / 2],
                    t[count * 9 / 10], Arrays.stream(t).average().orElse(0), t[count - 1]);
            printAbove("ica with cnn-lstm's start above the best known", learnedStartObjective, best, firstSeed, true);
            t = fromPredictionMillis.clone();
            Arrays.sort(t);
            System.out.printf("ica from cnn-lstm's prediction instead of its own start (start=equal-power with the "
                            + "prediction given; CPU includes the prediction): CPU ms median %.2f p90 %.2f mean %.2f max %.1f%n",
                    t[count / 2], t[count * 9 / 10], Arrays.stream(t).average().orElse(0), t[count - 1]);
            printAbove("ica from cnn-lstm's prediction above the best known", references[ICA_FROM_CNN], best, firstSeed, true);
            printAbove("ica from cnn-lstm's prediction above the best known without it", references[ICA_FROM_CNN],
                    bestOf(references, count, ICA_FROM_CNN), firstSeed, true);
            int better = 0;
            int worse = 0;
            int muchBetter = 0;
            int muchWorse = 0;
            double least = 0;
            double most = 0;
            for (int i = 0; i < count; i++) {
                double change = references[ICA_FROM_CNN][i] / objectives[1][i] - 1;
                better += change < -1e-3 ? 1 : 0;
                worse += change > 1e-3 ? 1 : 0;
                muchBetter += change < -5e-3 ? 1 : 0;
                muchWorse += change > 5e-3 ? 1 : 0;
                least = Math.min(least, change);
                most = Math.max(most, change);
            }
            System.out.printf("ica from cnn-lstm's prediction against the default: better by > 0.1 %% on %d, > 0.5 %% on %d "
                    + "(best %+.3f%%); worse by > 0.1 %% on %d, > 0.5 %% on %d (worst %+.3f%%)%n", better, muchBetter,
                    100 * least, worse, muchWorse, 100 * most);
        }
    }

    /** The best of all references but {@code left}, per instance. */
    private static double[] bestOf(double[][] references, int count, int left) {
        double[] best = new double[count];
        for (int i = 0; i < count; i++) {
            best[i] = Double.POSITIVE_INFINITY;
            for (int r = 0; r < references.length; r++) {
                if (r != left) {
                    best[i] = Math.min(best[i], references[r][i]);
                }
            }
        }
        return best;
    }

    /** Two objectives within this relative difference count as the same point. */
    private static final double SAME = 1e-6;
    /** The users of the bundled cnn-lstm model's setting. */
    private static final int BUNDLED_USERS = 10;

    /** How many of {@code values} are more than 0.5 % and 1 % above {@code best}, the worst, and (with {@code list}) which. */
    private static void printAbove(String what, double[] values, double[] best, long firstSeed, boolean list) {
        int half = 0;
        int one = 0;
        double worst = 0;
        StringBuilder which = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            double excess = values[i] / best[i] - 1;
            half += excess > 0.005 ? 1 : 0;
            one += excess > 0.01 ? 1 : 0;
            worst = Math.max(worst, excess);
            if (list && excess > 0.005) {
                which.append(String.format(java.util.Locale.ROOT, " seed %d +%.3f%%;", firstSeed + i, 100 * excess));
            }
        }
        System.out.printf("%s: by > 0.5 %% on %d of %d, by > 1 %% on %d, worst +%.3f%%%s%n", what, half, values.length, one,
                100 * worst, which.length() > 0 ? " |" + which : "");
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

package org.mecopt.benchmarks;

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
 * Measurement, not a test: {@code ica} against {@code ica-paper} on seed 001's instances
 * (cell-free, M = 64, N = 4). The question: from the same start, how close are the two local
 * optima, and what does the paper's larger subproblem cost? Prints one Markdown row per K.
 *
 * <p>HOW TO RUN: {@code mvn -B -ntp -q package -pl benchmarks -am -DskipTests} then
 * {@code java -cp benchmarks/target/benchmarks.jar org.mecopt.benchmarks.IcaPaperComparison
 * [SEEDS [USERS [START]]]}, e.g. {@code 20 10,20 auto} (the defaults) or {@code 20 10,20 equal-power}.
 *
 * <p>Measured 2026-11-24 (2 shared cores, seeds 0–19; times are means per solve, the equal-power
 * times were taken under load):
 * <pre>
 *  K  start        ica/paper  ica better  paper better  ms ica  ms paper  iters ica  iters paper
 *  10 auto         1.0012      1           5             17      537      5.6        12.0
 *  20 auto         1.0011      4           3            143     7303      6.3        19.4
 *  10 equal-power  1.0132      0           9             28     1254      5.8        20.4
 *  20 equal-power  1.0679      0          17             83     6343      7.5        21.2
 * </pre>
 * ("better" = by more than 0.1 %). From p = 1/N, ica stops at points where its own steps make no
 * progress (a fixed point of both methods' subproblems: ica-paper started there does not move
 * either), while ica-paper's path in the amplitudes reaches better local optima.
 */
public final class IcaPaperComparison {

    private IcaPaperComparison() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String users = args.length > 1 ? args[1] : "10,20";
        String start = args.length > 2 ? args[2] : "auto";
        SolverOptions options = SolverOptions.defaults().withParameter("start", start);
        Solver<LatencyInstance, LatencySolution> ica = SolverRegistry.get(LatencyInstance.class, "ica");
        Solver<LatencyInstance, LatencySolution> paper = SolverRegistry.get(LatencyInstance.class, "ica-paper");
        System.out.println("| K | start | seeds | mean ica/paper | ica better >0.1% | paper better >0.1% | ms ica | ms paper"
                + " | iters ica | iters paper | ica status | paper status |");
        for (String k : users.split(",")) {
            row(Integer.parseInt(k.trim()), start, seeds, options, ica, paper);
        }
    }

    private static void row(int k, String start, int seeds, SolverOptions options,
                            Solver<LatencyInstance, LatencySolution> ica, Solver<LatencyInstance, LatencySolution> paper) {
        double ratio = 0;
        int icaBetter = 0;
        int paperBetter = 0;
        double msIca = 0;
        double msPaper = 0;
        double itIca = 0;
        double itPaper = 0;
        Map<String, Integer> paperStatuses = new TreeMap<>();
        Map<String, Integer> icaStatuses = new TreeMap<>();
        for (int seed = 0; seed < seeds; seed++) {
            LatencyInstance instance = LatencyGenerator.generate(
                    LatencyGenerator.Config.PAPER.with(ChannelModel.CELLFREE, k, 64, 4), seed);
            Result<LatencySolution> a = ica.solve(instance, options);
            Result<LatencySolution> b = paper.solve(instance, options);
            if (!a.hasFeasibleSolution() || !b.hasFeasibleSolution()) {
                throw new IllegalStateException("seed " + seed + ": " + a.status() + " / " + b.status());
            }
            ratio += a.objective() / b.objective();
            icaBetter += a.objective() < b.objective() * (1 - 1e-3) ? 1 : 0;
            paperBetter += b.objective() < a.objective() * (1 - 1e-3) ? 1 : 0;
            msIca += a.solveTimeMillis();
            msPaper += b.solveTimeMillis();
            itIca += a.iterations();
            itPaper += b.iterations();
            icaStatuses.merge(a.status() + (a.message().isEmpty() ? "" : " (" + a.message() + ")"), 1, Integer::sum);
            paperStatuses.merge(b.status() + (b.message().isEmpty() ? "" : " (" + b.message() + ")"), 1, Integer::sum);
        }
        System.out.printf("| %d | %s | %d | %.4f | %d | %d | %.0f | %.0f | %.1f | %.1f | %s | %s |%n", k, start, seeds,
                ratio / seeds, icaBetter, paperBetter, msIca / seeds, msPaper / seeds, itIca / seeds, itPaper / seeds,
                icaStatuses, paperStatuses);
    }
}

package org.mecopt.models.rl;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.mecopt.env.classic.CartPole;

/**
 * The documented CartPole-v1 benchmark (docs/rl.md), outside the test suite: trains DQN with
 * {@link #config} on seeds 1–5 one after another and prints, per seed, the first evaluation step
 * whose greedy mean return over 20 episodes reached 475, the final and the best greedy returns,
 * the wall time and the time per gradient step. Arguments: an output directory (default
 * {@code target/cartpole-dqn}), then optionally the seeds.
 */
public final class CartPoleDqnBenchmark {
    private CartPoleDqnBenchmark() {
    }

    static DqnConfig config() {
        return DqnConfig.defaults().withTotalSteps(100_000).withEvaluation(5_000, 20).withLogEvery(5_000)
                .withCheckpointEvery(0);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/cartpole-dqn");
        long[] seeds = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToLong(Long::parseLong).toArray()
                : new long[] {1, 2, 3, 4, 5};
        PrintWriter err = new PrintWriter(System.err, true);
        int solved = 0;
        StringBuilder table = new StringBuilder("seed,firstStepAt475,finalGreedyReturn,bestGreedyReturn,seconds,msPerUpdate\n");
        for (long seed : seeds) {
            DqnConfig cfg = config().withSeed(seed);
            DqnResult r = Dqn.train(CartPole::new, cfg, out.resolve("seed-" + seed), RlProgress.line(err));
            double[] finalReturns = Dqn.evaluate(r.policy(), new CartPole(), seed + 1000, 20);
            double finalMean = Arrays.stream(finalReturns).average().orElseThrow();
            long first = r.firstStepReaching(475);
            solved += first >= 0 ? 1 : 0;
            String line = String.format(Locale.ROOT, "%d,%d,%.1f,%.1f,%.1f,%.3f", seed, first, finalMean, r.bestReturn(),
                    r.seconds(), r.updateMillis());
            table.append(line).append('\n');
            System.out.println("seed " + line);
        }
        table.append("# solved (>= 475 within ").append(config().totalSteps()).append(" steps): ").append(solved)
                .append(" of ").append(seeds.length).append('\n');
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.csv"), table);
        System.out.print(table);
    }
}

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
 * whose greedy mean return over 20 episodes reached 475 (evaluations every 5 000 steps), the final
 * network's greedy return and the best evaluated network's, both on 20 fresh episodes, the best
 * evaluation, the wall time and the time per gradient step. Arguments: an output directory (default
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
        StringBuilder table = new StringBuilder("seed,firstStepAt475,finalGreedyReturn,bestEvaluation,bestPolicyOnFreshEpisodes,seconds,msPerUpdate\n");
        for (long seed : seeds) {
            DqnConfig cfg = config().withSeed(seed);
            DqnResult r = Dqn.train(CartPole::new, cfg, out.resolve("seed-" + seed), RlProgress.line(err));
            // on 20 episodes the evaluations during training never saw, so the best policy's score is not selected on them
            double finalMean = Arrays.stream(Dqn.evaluate(r.policy(), new CartPole(), seed + 1000, 20)).average()
                    .orElseThrow();
            double bestFresh = Arrays.stream(Dqn.evaluate(r.bestPolicy(), new CartPole(), seed + 1000, 20)).average()
                    .orElseThrow();
            long first = r.firstStepReaching(475);
            solved += first >= 0 ? 1 : 0;
            String line = String.format(Locale.ROOT, "%d,%d,%.1f,%.1f,%.1f,%.1f,%.3f", seed, first, finalMean,
                    r.bestReturn(), bestFresh, r.seconds(), r.updateMillis());
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

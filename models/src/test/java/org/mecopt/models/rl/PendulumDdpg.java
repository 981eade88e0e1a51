package org.mecopt.models.rl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.mecopt.env.classic.Pendulum;

/**
 * The Pendulum-v1 benchmark run of docs/rl-ddpg.md, outside the test suite: DDPG with
 * {@link DdpgConfig#defaults()} for 30 000 steps, then the greedy mean return over 10 episodes.
 * Arguments {@code key=value}: {@code seed} (1), {@code steps} (30000), {@code out}
 * ({@code target/pendulum-ddpg/seed-<seed>}), {@code hidden} (256,256), {@code learningStarts}
 * (10000), {@code batch} (256), {@code resume} (false; true: continue the checkpoint in
 * {@code out}, trained with the same arguments, up to {@code steps}).
 */
public final class PendulumDdpg {
    private PendulumDdpg() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("argument '" + arg + "' is not key=value");
            }
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        long seed = Long.parseLong(a.getOrDefault("seed", "1"));
        int steps = Integer.parseInt(a.getOrDefault("steps", "30000"));
        Path out = Path.of(a.getOrDefault("out", "target/pendulum-ddpg/seed-" + seed));
        DdpgConfig config = DdpgConfig.defaults().withSeed(seed).withTotalSteps(steps)
                .withHidden(Arrays.stream(a.getOrDefault("hidden", "256,256").split(",")).map(Integer::valueOf)
                        .toList())
                .withLearningStarts(Integer.parseInt(a.getOrDefault("learningStarts", "10000")))
                .withBatchSize(Integer.parseInt(a.getOrDefault("batch", "256")));
        DdpgResult r = Boolean.parseBoolean(a.getOrDefault("resume", "false"))
                ? Ddpg.resume(Pendulum::new, config, out, RlProgress.stderr())
                : Ddpg.train(Pendulum::new, config, out, RlProgress.stderr());
        for (TrainingLog.Evaluation e : r.log().evaluations()) {
            System.out.printf(Locale.ROOT, "evaluation at step %d: greedy mean return %.1f ± %.1f over %d episodes%n",
                    e.step(), e.meanReturn(), e.stdReturn(), e.episodes());
        }
        System.out.printf(Locale.ROOT, "seed %d: %d steps, final greedy mean return %.1f, %.0f s wall, "
                + "%.2f ms per gradient step, outputs in %s%n", seed, r.steps(), r.finalReturn(), r.seconds(),
                r.trainStepMillis(), out);
    }
}

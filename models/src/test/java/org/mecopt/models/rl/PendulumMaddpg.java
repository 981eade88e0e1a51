package org.mecopt.models.rl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.mecopt.env.classic.Pendulum;

/**
 * One-agent MADDPG on Pendulum-v1 with DDPG's benchmark settings (docs/rl-ddpg.md: 256-256, batch
 * 256, γ 0.98, τ 0.005, Gaussian σ 0.1 of half the range = 0.05 of the range, 10 000 random steps,
 * an update per step, 30 000 steps, no layer norm): with one agent MADDPG is DDPG, so it must reach
 * the same level (DDPG: −126 to −185 over seeds 1–5). Outside the suite. Arguments: seed (1), steps
 * (30000), out (target/pendulum-maddpg/seed-N).
 */
public final class PendulumMaddpg {
    private PendulumMaddpg() {
    }

    public static void main(String[] args) throws IOException {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        Path out = Path.of(args.length > 2 ? args[2] : "target/pendulum-maddpg/seed-" + seed);
        MaddpgConfig config = MaddpgConfig.defaults().toBuilder().learningRate(1e-3)
            .actorHidden(256, 256).criticHidden(256, 256)
                .layerNorm(false).batchSize(256).gamma(0.98).tau(0.005).noiseSigma(0.05).learningStarts(10_000)
                .training(1, 1).totalSteps(steps).evaluation(2_000, 10).checkpointEvery(10_000).seed(seed).build();
        MaddpgResult r = Maddpg.train(() -> new SingleAgent(new Pendulum()), config, out, RlProgress.stderr());
        for (TrainingLog.Evaluation e : r.log().evaluations()) {
            System.out.printf(Locale.ROOT, "evaluation at step %d: greedy mean return %.1f ± %.1f over %d episodes%n",
                    e.step(), e.meanReturn(), e.stdReturn(), e.episodes());
        }
        System.out.printf(Locale.ROOT, "seed %d: %d steps, final greedy mean return %.1f, %.0f s wall, "
                + "%.2f ms per gradient step%n", seed, r.steps(), r.finalReturn(), r.seconds(), r.trainStepMillis());
    }
}

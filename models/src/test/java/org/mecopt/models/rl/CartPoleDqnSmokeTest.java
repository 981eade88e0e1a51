package org.mecopt.models.rl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.env.classic.CartPole;

/**
 * Fails if DQN stops learning: 12 000 steps of CartPole-v1 with the default settings (ε decays
 * over the first 1 920), seed 3, offline, one engine thread, deterministic. A random policy's
 * return is about 22; the best of four greedy evaluations must reach 120 (seeds 1–4 reached 137,
 * 156, 182 and 198 when this was written; the full benchmark, 100 000 steps on five seeds, is
 * {@link CartPoleDqnBenchmark}, docs/rl.md).
 */
class CartPoleDqnSmokeTest {

    @Test
    void learnsToBalanceWellAboveRandom(@TempDir Path dir) throws Exception {
        DqnConfig cfg = DqnConfig.defaults().withTotalSteps(12_000).withEvaluation(3_000, 10).withLogEvery(3_000)
                .withCheckpointEvery(0).withSeed(3);
        DqnResult r = Dqn.train(CartPole::new, cfg, dir, RlProgress.NONE);
        double random = Arrays.stream(randomReturns()).average().orElseThrow();
        assertTrue(random < 30, "a random policy balances briefly: " + random);
        assertTrue(r.bestReturn() >= 120, "greedy evaluations " + r.log().evaluations());
    }

    /** Returns of 20 uniformly random episodes, for the comparison. */
    private static double[] randomReturns() {
        CartPole env = new CartPole();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        double[] returns = new double[20];
        for (int i = 0; i < returns.length; i++) {
            env.reset(100 + i);
            while (!env.step(rng.nextInt(2)).done()) {
                returns[i]++;
            }
            returns[i]++;
        }
        return returns;
    }
}

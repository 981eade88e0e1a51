package org.mecopt.models.rl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.env.classic.Pendulum;

/**
 * The offline smoke test that fails if DDPG stops learning: a small DDPG on Pendulum-v1 for 4 000
 * steps (1 000 of them random) must swing the pendulum up from most starts. The untrained actor
 * scores about −1 200 (it mostly lets the pendulum hang); a broken critic target, a leaked gradient
 * or a sign error leaves it there. The full benchmark (30 000 steps, ≥ −200) is docs/rl-ddpg.md.
 */
class DdpgLearnsTest {

    @Test
    void aSmallDdpgLearnsToSwingThePendulumUp(@TempDir Path dir) throws IOException {
        DdpgConfig config = DdpgConfig.defaults().withHidden(List.of(64, 64)).withBatchSize(64)
                .withLearningStarts(1_000).withTotalSteps(4_000).withEvaluation(1_000, 5).withCheckpointEvery(0)
                .withSeed(3);
        DdpgResult r = Ddpg.train(Pendulum::new, config, dir, RlProgress.NONE);
        List<TrainingLog.Evaluation> evaluations = r.log().evaluations();
        double untrained = evaluations.get(0).meanReturn();
        String curve = evaluations.stream().map(e -> e.step() + ": " + Math.round(e.meanReturn())).toList().toString();
        assertTrue(untrained < -900, "the untrained actor (evaluated before the first update) " + curve);
        assertTrue(r.finalReturn() > -500, "greedy mean return after 4 000 steps " + curve);
    }
}

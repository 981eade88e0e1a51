package org.mecopt.models.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.env.Box;
import org.mecopt.env.classic.CartPole;
import org.mecopt.env.classic.Pendulum;

/** The DDPG training loop: seeding, resumption, outputs and refusals (learning itself: DdpgLearnsTest). */
class DdpgTest {
    private static final DdpgConfig SHORT = DdpgConfig.defaults().withHidden(List.of(16, 16)).withBatchSize(16)
            .withLearningStarts(150).withTotalSteps(600).withEvaluation(0, 2).withCheckpointEvery(0);
    private static final double[][] PROBES = {{1, 0, 0}, {-1, 0, 1}, {0, 1, -3}, {0.6, -0.8, 7}};

    private static double[][] actions(DdpgResult r) {
        double[][] out = new double[PROBES.length][];
        for (int i = 0; i < PROBES.length; i++) {
            out[i] = r.act(PROBES[i]);
        }
        return out;
    }

    private static double[] returns(DdpgResult r) {
        return r.log().episodes().stream().mapToDouble(TrainingLog.Episode::episodicReturn).toArray();
    }

    @Test
    void theSameSeedTrainsTheSamePolicyAndAnotherSeedAnother(@TempDir Path dir) throws IOException {
        DdpgResult a = Ddpg.train(Pendulum::new, SHORT, dir.resolve("a"), RlProgress.NONE);
        DdpgResult b = Ddpg.train(Pendulum::new, SHORT, dir.resolve("b"), RlProgress.NONE);
        DdpgResult c = Ddpg.train(Pendulum::new, SHORT.withSeed(2), dir.resolve("c"), RlProgress.NONE);
        assertArrayEquals(returns(a), returns(b));
        assertArrayEquals(actions(a), actions(b));
        assertEquals(a.finalReturn(), b.finalReturn());
        assertFalse(java.util.Arrays.equals(returns(a), returns(c)), "seed 2 explores otherwise");
        assertFalse(java.util.Arrays.deepEquals(actions(a), actions(c)), "seed 2 learns another actor");
        assertEquals(3, a.log().episodes().size(), "600 steps are three 200-step episodes");
        assertEquals(600, a.steps());
    }

    @Test
    void aResumedRunEndsWhereTheUninterruptedOneDoes(@TempDir Path dir) throws IOException {
        DdpgConfig config = SHORT.withCheckpointEvery(400).withEvaluation(200, 2);
        DdpgResult whole = Ddpg.train(Pendulum::new, config, dir.resolve("whole"), RlProgress.NONE);
        Ddpg.train(Pendulum::new, config.withTotalSteps(400), dir.resolve("split"), RlProgress.NONE);
        DdpgResult resumed = Ddpg.resume(Pendulum::new, config, dir.resolve("split"), RlProgress.NONE);
        assertEquals(600, resumed.steps());
        assertArrayEquals(returns(whole), returns(resumed));
        assertArrayEquals(actions(whole), actions(resumed));
        assertEquals(whole.log().evaluations(), resumed.log().evaluations());
        assertEquals(3, whole.log().evaluations().size(), "evaluations at 200, 400 and 600 steps");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ddpg.resume(Pendulum::new, config.withTau(0.5), dir.resolve("split"), RlProgress.NONE));
        assertTrue(e.getMessage().contains("only totalSteps may change"), e.getMessage());
    }

    @Test
    void leavesThePolicyTheCurvesAndACheckpoint(@TempDir Path dir) throws IOException {
        DdpgResult r = Ddpg.train(Pendulum::new, SHORT, dir, RlProgress.NONE);
        Mlp saved = Mlp.load(dir.resolve(Ddpg.POLICY));
        assertArrayEquals(r.policy().forward(PROBES[2]), saved.forward(PROBES[2]));
        for (String file : List.of("episodes.csv", "metrics.csv", "evaluations.csv", "returns.png",
                "metric-criticLoss.png", "checkpoint/state.bin", "checkpoint/replay.bin", "checkpoint/networks.bin")) {
            assertTrue(Files.size(dir.resolve(file)) > 0, file);
        }
        for (double[] action : actions(r)) {
            assertTrue(new Box(new double[] {-2}, new double[] {2}).contains(action), "inside the torque range");
        }
        assertTrue(r.trainStepMillis() > 0);
    }

    @Test
    void refusesADiscreteEnvironmentAndBadParameters() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ddpg.train(() -> (org.mecopt.env.Env) new CartPole(), SHORT, Path.of("unused"), RlProgress.NONE));
        assertTrue(e.getMessage().contains("Box"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SHORT.withTau(1.5));
        assertTrue(e.getMessage().contains("tau = 1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SHORT.withGamma(-0.1));
        assertTrue(e.getMessage().contains("gamma = -0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SHORT.withHidden(List.of(64, 0)));
        assertTrue(e.getMessage().contains("hidden = [64, 0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ActionScale(Box.of(1, 0, Double.POSITIVE_INFINITY)));
        assertTrue(e.getMessage().contains("bounded"), e.getMessage());
    }

    @Test
    void theActionScaleMapsTheTanhRangeOntoTheBox() {
        ActionScale scale = new ActionScale(new Box(new double[] {-2, 0}, new double[] {2, 10}));
        assertArrayEquals(new double[] {-2, 0}, scale.toBox(new double[] {-1, -1}));
        assertArrayEquals(new double[] {2, 10}, scale.toBox(new double[] {1, 1}));
        assertArrayEquals(new double[] {0.5, 6.25}, scale.toBox(new double[] {0.25, 0.25}), 1e-12);
    }
}

package org.mecopt.models.offloading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.models.rl.DqnConfig;
import org.mecopt.models.rl.RlProgress;
import org.mecopt.offloading.OffloadingEnv;
import org.mecopt.offloading.OffloadingGenerator;
import org.mecopt.offloading.OffloadingInstance;

/**
 * Learning works end to end, offline: a short DQN-RAO run (1 000 episodes of 6 devices) must clearly
 * beat ROA's random assignment on unseen instances, measured against exact's optimum. It fails if
 * the environment, the learner or the policy's acting breaks (an untrained or broken policy is no
 * better than random).
 */
class DqnRaoTrainingTest {

    @Test
    void aShortRunBeatsRandomAssignmentOnUnseenInstances(@TempDir Path dir) throws Exception {
        OffloadingGenerator.Config config = OffloadingGenerator.Config.PAPER.withSize(6, 3, 3);
        DqnConfig dqn = DqnRaoTrainer.paperConfig(config.devices(), 1000, 7).withGamma(1).withDoubleQ(true);
        DqnRaoTrainer.Trained t = DqnRaoTrainer.train(new DqnRaoTrainer.Options(config, OffloadingEnv.Options.KKT, dqn,
                40, 5_000_000), dir, RlProgress.NONE, line -> { });
        OffloadingComparison.Row learned = t.validation().row(DqnRaoSolver.NAME);
        OffloadingComparison.Row random = t.validation().row("roa");
        assertEquals(1.0, learned.feasibleShare());
        assertTrue(learned.meanGap() < 0.6 * random.meanGap(),
                "dqn-rao's mean gap " + learned.meanGap() + " vs roa's " + random.meanGap());
        DqnRaoModel loaded = DqnRaoModel.load(dir);
        OffloadingInstance unseen = OffloadingGenerator.generate(config, 123_456);
        assertArrayEquals(t.model().assign(unseen), loaded.assign(unseen));
        assertTrue(loaded.manifest().metrics().path("validation").path("rows").size() == 3);
    }
}

package org.mecopt.models.rl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.env.classic.Pendulum;

/**
 * MADDPG against independent references. With one agent, MADDPG is DDPG (a critic on the
 * observation and the action, the same targets and policy gradient): it must swing Pendulum-v1 up
 * as {@link DdpgLearnsTest} does with the same budget (seed 3: −1 526 untrained, −508 after 4 000
 * steps; the 30 000-step benchmark is {@code PendulumMaddpg}). On {@link MatchTargets}, a cooperative
 * two-agent task whose optimum (return 0) is known, the default set-up (shared critic, shared actor
 * with agent id) and the paper's (per-agent actors and critics, per-agent gradient) must both come
 * close to it, far above uniformly random actions (−1.67 per episode). The networks here have no
 * layer norm: with a one-entry observation, normalizing the first hidden layer leaves it almost no
 * information about the target (measured: −0.14 to −0.2 instead of −0.02 after 1 800 steps).
 */
class MaddpgLearnsTest {

    @Test
    void oneAgentMaddpgSwingsThePendulumUpLikeDdpg(@TempDir Path dir) throws IOException {
        MaddpgConfig config = MaddpgConfig.defaults().toBuilder().learningRate(1e-3)
            .actorHidden(64, 64).criticHidden(64, 64)
                .layerNorm(false).batchSize(64).gamma(0.98).tau(0.005).noiseSigma(0.05).learningStarts(1_000).training(1, 1)
                .totalSteps(4_000).evaluation(1_000, 5).checkpointEvery(0).seed(3).build();
        MaddpgResult r = Maddpg.train(() -> new SingleAgent(new Pendulum()), config, dir, RlProgress.NONE);
        List<TrainingLog.Evaluation> evaluations = r.log().evaluations();
        String curve = evaluations.stream().map(e -> e.step() + ": " + Math.round(e.meanReturn())).toList().toString();
        assertTrue(evaluations.get(0).meanReturn() < -900, "the untrained actor " + curve);
        assertTrue(r.finalReturn() > -600 && r.finalReturn() > evaluations.get(0).meanReturn() + 600,
                "greedy mean return after 4 000 steps " + curve);
    }

    private static final MaddpgConfig SMALL = MaddpgConfig.defaults().toBuilder().learningRate(1e-3)
            .actorHidden(32, 32)
            .criticHidden(32, 32).layerNorm(false).batchSize(64).gamma(0).learningStarts(300).training(1, 1).totalSteps(1_800)
            .evaluation(300, 20).checkpointEvery(0).seed(5).build();

    @Test
    void sharedCriticAndSharedActorWithAgentIdReachTheKnownOptimum(@TempDir Path dir) throws IOException {
        MaddpgResult r = Maddpg.train(MatchTargets::new, SMALL, dir, RlProgress.NONE);
        String curve = r.log().evaluations().stream().map(e -> e.step() + ": " + e.meanReturn()).toList().toString();
        assertTrue(r.finalReturn() > -0.15, "optimum 0, random -1.67: " + curve);
    }

    @Test
    void perAgentActorsAndCriticsWithThePerAgentGradientReachItToo(@TempDir Path dir) throws IOException {
        MaddpgConfig paperLike = SMALL.toBuilder().sharedActor(false).agentId(false).sharedCritic(false)
                .actorGradient(MaddpgConfig.ActorGradient.PER_AGENT).build();
        MaddpgResult r = Maddpg.train(MatchTargets::new, paperLike, dir, RlProgress.NONE);
        String curve = r.log().evaluations().stream().map(e -> e.step() + ": " + e.meanReturn()).toList().toString();
        assertTrue(r.finalReturn() > -0.15, "optimum 0, random -1.67: " + curve);
    }
}

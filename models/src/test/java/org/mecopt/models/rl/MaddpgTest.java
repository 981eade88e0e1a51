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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MADDPG's loop and networks: seeding, resumption, critic targets, outputs, refusals (learning: MaddpgLearnsTest). */
class MaddpgTest {
    private static final MaddpgConfig SHORT = MaddpgConfig.defaults().toBuilder().learningRate(1e-3)
            .actorHidden(8, 8).criticHidden(8, 8)
            .batchSize(16).learningStarts(40).training(2, 1).totalSteps(120).evaluation(0, 2).checkpointEvery(0)
            .seed(7).build();
    private static final double[][] PROBES = {{0.1}, {0.5}, {0.93}};

    private static double[][] actions(MaddpgPolicy p) {
        double[][] out = new double[2 * PROBES.length][];
        for (int i = 0; i < PROBES.length; i++) {
            out[2 * i] = p.act(0, PROBES[i]);
            out[2 * i + 1] = p.act(1, PROBES[i]);
        }
        return out;
    }

    private static double[] returns(MaddpgResult r) {
        return r.log().episodes().stream().mapToDouble(TrainingLog.Episode::episodicReturn).toArray();
    }

    @Test
    void theSameSeedTrainsTheSamePolicyAndAnotherSeedAnother(@TempDir Path dir) throws IOException {
        MaddpgResult a = Maddpg.train(MatchTargets::new, SHORT, dir.resolve("a"), RlProgress.NONE);
        MaddpgResult b = Maddpg.train(MatchTargets::new, SHORT, dir.resolve("b"), RlProgress.NONE);
        MaddpgResult c = Maddpg.train(MatchTargets::new, SHORT.toBuilder().seed(8).build(), dir.resolve("c"),
                RlProgress.NONE);
        assertArrayEquals(returns(a), returns(b));
        assertArrayEquals(actions(a.policy()), actions(b.policy()));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/policy/actor.mlp")),
                Files.readAllBytes(dir.resolve("b/policy/actor.mlp")), "identical parameters");
        assertFalse(java.util.Arrays.deepEquals(actions(a.policy()), actions(c.policy())), "seed 8 learns another actor");
        assertEquals(12, a.log().episodes().size(), "120 steps are twelve 10-step episodes");
        assertEquals(40, a.updates(), "an update every 2 steps after the 40 random ones");
    }

    @ParameterizedTest
    @CsvSource({"true, true, JOINT", "false, false, PER_AGENT"})
    void aResumedRunEndsWhereTheUninterruptedOneDoes(boolean shared, boolean sharedCritic,
                                                     MaddpgConfig.ActorGradient gradient, @TempDir Path dir)
            throws IOException {
        MaddpgConfig config = SHORT.toBuilder().sharedActor(shared).agentId(shared).sharedCritic(sharedCritic)
                .actorGradient(gradient).checkpointEvery(60).evaluation(30, 2).build();
        MaddpgResult whole = Maddpg.train(MatchTargets::new, config, dir.resolve("whole"), RlProgress.NONE);
        Maddpg.train(MatchTargets::new, config.toBuilder().totalSteps(60).build(), dir.resolve("split"),
                RlProgress.NONE);
        MaddpgResult resumed = Maddpg.resume(MatchTargets::new, config, dir.resolve("split"), RlProgress.NONE);
        assertEquals(120, resumed.steps());
        assertEquals(whole.updates(), resumed.updates());
        assertArrayEquals(returns(whole), returns(resumed));
        assertArrayEquals(actions(whole.policy()), actions(resumed.policy()));
        assertEquals(whole.log().evaluations(), resumed.log().evaluations());
        assertEquals(whole.bestReturn(), resumed.bestReturn());
        assertArrayEquals(actions(whole.bestPolicy()), actions(resumed.bestPolicy()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Maddpg.resume(
                MatchTargets::new, config.toBuilder().gamma(0.5).build(), dir.resolve("split"), RlProgress.NONE));
        assertTrue(e.getMessage().contains("only totalSteps may change"), e.getMessage());
    }

    @Test
    void theOutputsLoadAsPolicies(@TempDir Path dir) throws IOException {
        MaddpgResult r = Maddpg.train(MatchTargets::new, SHORT.toBuilder().sharedActor(false).agentId(false).build(),
                dir, RlProgress.NONE);
        MaddpgPolicy loaded = MaddpgPolicy.load(dir.resolve(Maddpg.POLICY));
        assertFalse(loaded.shared());
        assertArrayEquals(actions(r.policy()), actions(loaded));
        assertTrue(Files.exists(dir.resolve("actor-1.mlp").getParent().resolve("policy/actor-1.mlp")));
        for (String f : List.of("episodes.csv", "metrics.csv", "evaluations.csv", "returns.png",
                "best-policy/maddpg-policy.properties", "checkpoint/state.bin", "checkpoint/replay.bin")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        assertEquals(Maddpg.savedConfig(dir), SHORT.toBuilder().sharedActor(false).agentId(false).build());
    }

    /**
     * The critic targets against a plain-Java computation: y = r̄ + γ(1 − terminated)·Q'(s', μ'(o'_1), μ'(o'_2)),
     * with Q' and μ' the target networks read back as {@link Mlp}s (after some updates, so the targets
     * differ from the online networks). A terminal transition does not bootstrap; a truncated one does.
     */
    @Test
    void criticTargetsBootstrapUnlessTerminated() {
        MaddpgConfig config = SHORT.toBuilder().gamma(0.9).tau(0.3).build();
        try (MultiActorCritic nets = new MultiActorCritic(2, 2, 1, 1, config)) {
            ReplayBuffer buffer = new ReplayBuffer(100, 4, 2, 0, 2, 3);
            java.util.Random random = new java.util.Random(4);
            for (int i = 0; i < 50; i++) {
                double[] s = {random.nextDouble(), random.nextDouble()};
                double[] s2 = {random.nextDouble(), random.nextDouble()};
                double r = -random.nextDouble();
                buffer.add(new double[] {s[0], s[1], s[0], s[1]}, new double[] {random.nextDouble(), random.nextDouble()},
                        new double[] {r, r}, new double[] {s2[0], s2[1], s2[0], s2[1]}, i % 2 == 0, null);
            }
            for (int k = 0; k < 5; k++) {
                nets.update(buffer.sample(16));
            }
            ReplayBatch batch = buffer.sample(8);
            float[] y = nets.targetValues(batch)[0];
            Mlp actor = Mlp.of(nets.targetActors().get(0), Mlp.Output.SIGMOID);
            Mlp critic = Mlp.of(nets.targetCritics().get(0), Mlp.Output.IDENTITY);
            float[] next = batch.nextObservations();
            for (int row = 0; row < 8; row++) {
                double[] s2 = {next[row * 4], next[row * 4 + 1]};
                double a0 = actor.forward(new double[] {next[row * 4 + 2], 1, 0})[0];
                double a1 = actor.forward(new double[] {next[row * 4 + 3], 0, 1})[0];
                double q = critic.forward(new double[] {s2[0], s2[1], a0, a1})[0];
                double expected = batch.rewards()[row * 2] + (batch.terminated()[row] ? 0 : 0.9 * q);
                assertEquals(expected, y[row], 1e-5, "row " + row + " terminated " + batch.terminated()[row]);
            }
        }
    }

    @Test
    void refusesBadSettingsNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SHORT.toBuilder().tau(1.5).build());
        assertTrue(e.getMessage().contains("tau = 1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SHORT.toBuilder().sharedActor(false).build());
        assertTrue(e.getMessage().contains("agentId"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SHORT.toBuilder().trainEvery(0).build());
        assertTrue(e.getMessage().contains("trainEvery = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SHORT.toBuilder().criticHidden(List.of()).build());
        assertTrue(e.getMessage().contains("criticHidden"), e.getMessage());
    }

    @Test
    void theSharedCriticRefusesUnequalRewards(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Maddpg.train(
                () -> new SingleAgentPair(), SHORT, dir, RlProgress.NONE));
        assertTrue(e.getMessage().contains("shared reward"), e.getMessage());
    }

    /** Two agents rewarded differently: +1 and −1. */
    private static final class SingleAgentPair extends org.mecopt.env.ParallelEpisodicEnv<double[]> {
        SingleAgentPair() {
            super(5);
        }

        @Override
        public int agentCount() {
            return 2;
        }

        @Override
        public String agentName(int agent) {
            return "a" + agent;
        }

        @Override
        public org.mecopt.env.Box observationSpace(int agent) {
            return org.mecopt.env.Box.of(1, 0, 1);
        }

        @Override
        public org.mecopt.env.Space<double[]> actionSpace(int agent) {
            return org.mecopt.env.Box.of(1, 0, 1);
        }

        @Override
        public org.mecopt.env.Box stateSpace() {
            return org.mecopt.env.Box.of(1, 0, 1);
        }

        @Override
        protected org.mecopt.env.ParallelReset begin(org.apache.commons.rng.UniformRandomProvider rng) {
            return new org.mecopt.env.ParallelReset(List.of(new double[1], new double[1]),
                    List.of(org.mecopt.env.Info.EMPTY, org.mecopt.env.Info.EMPTY));
        }

        @Override
        protected org.mecopt.env.ParallelStep advance(List<double[]> actions,
                                                      org.apache.commons.rng.UniformRandomProvider rng) {
            return new org.mecopt.env.ParallelStep(List.of(new double[1], new double[1]), new double[] {1, -1},
                    new boolean[2], new boolean[2], List.of(org.mecopt.env.Info.EMPTY, org.mecopt.env.Info.EMPTY));
        }

        @Override
        public double[] state() {
            return new double[1];
        }
    }
}

package org.mecopt.models.edge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.edge.EdgeEvaluator;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.edge.env.EdgeAllocationEnv;
import org.mecopt.edge.policy.BuiltinEdgePolicies;
import org.mecopt.edge.policy.EdgePolicy;
import org.mecopt.models.rl.RlProgress;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;

/**
 * The seed-003 learners on small systems, offline: each must beat a random allocation on systems
 * it never trained on; a seed fixes a run; a resumed run ends where the uninterrupted one ends.
 */
class EdgeAgentsTest {
    private static final int USERS = 10;
    private static final int SYSTEMS = 12;

    private static MarlConfig marl(MarlConfig.Algorithm a, int episodes) {
        return MarlConfig.defaults(a).withHidden(List.of(32, 32)).withLearningRates(1e-3, 1e-3)
                .withBatch(32, 2_000, 50).withEpisodes(episodes).withSchedule(100, 0, 5, 0).withSeed(3);
    }

    private static UserQConfig userQ(UserQConfig.Algorithm a, int episodes) {
        return UserQConfig.defaults(a).withHidden(List.of(32)).withLearningRate(3e-3).withBatch(16, 2_000, 50)
                .withEpisodes(episodes).withSchedule(100, 0, 5, 0).withSeed(3);
    }

    /** Mean system QoE over systems of seeds 1 000 000 + k: never trained on. */
    private static double meanQoe(EdgePolicy policy) {
        EdgeAllocationEnv env = EdgeTrainingLoop.environment(USERS, EdgeAllocationEnv.DEFAULT_DEPLOYMENT_SEED);
        double s = 0;
        for (int k = 0; k < SYSTEMS; k++) {
            EdgeSystem system = EdgeAllocationEnv.system(env.deployment(), EdgeAllocationEnv.EVALUATION_SEED_START + k);
            s += new EdgeEvaluator(system, SigmoidalProgramming.Settings.DEFAULTS).evaluate(policy.allocate(system))
                    .systemQoe() / SYSTEMS;
        }
        return s;
    }

    private static double randomQoe() {
        double s = 0;
        for (long seed = 0; seed < 3; seed++) {
            s += meanQoe(BuiltinEdgePolicies.random(seed)) / 3;
        }
        return s;
    }

    private static EdgePolicy policy(EdgeModel m) {
        return new EdgePolicy() {
            @Override
            public String name() {
                return m.agent();
            }

            @Override
            public int[] allocate(EdgeSystem system) {
                return m.allocate(system);
            }
        };
    }

    @Test
    void serverSideAgentsBeatRandomAllocation(@TempDir Path dir) throws Exception {
        double random = randomQoe();
        for (MarlConfig.Algorithm a : MarlConfig.Algorithm.values()) {
            MarlTrainer.Result r = MarlTrainer.train(USERS, EdgeAllocationEnv.DEFAULT_DEPLOYMENT_SEED, marl(a, 700),
                    dir.resolve(a.name()), false, Double.POSITIVE_INFINITY, RlProgress.NONE);
            double learned = meanQoe(policy(r.model()));
            assertTrue(learned > random + 0.2, a + ": " + learned + " vs random " + random);
        }
    }

    @Test
    void userSideAgentsBeatRandomAllocation(@TempDir Path dir) throws Exception {
        double random = randomQoe();
        for (UserQConfig.Algorithm a : UserQConfig.Algorithm.values()) {
            UserQTrainer.Result r = UserQTrainer.train(USERS, EdgeAllocationEnv.DEFAULT_DEPLOYMENT_SEED, userQ(a, 1200),
                    dir.resolve(a.name()), false, Double.POSITIVE_INFINITY, RlProgress.NONE);
            double learned = meanQoe(policy(r.model()));
            assertTrue(learned > random + 0.2, a + ": " + learned + " vs random " + random);
        }
    }

    @Test
    void sameSeedSameRunAndResumeEndsWhereTheUninterruptedRunEnds(@TempDir Path dir) throws Exception {
        MarlConfig c = marl(MarlConfig.Algorithm.MAMAXENT, 60).withBatch(16, 500, 20).withSchedule(10, 20, 2, 20);
        long d = EdgeAllocationEnv.DEFAULT_DEPLOYMENT_SEED;
        MarlTrainer.train(USERS, d, c, dir.resolve("a"), false, Double.POSITIVE_INFINITY, RlProgress.NONE);
        MarlTrainer.train(USERS, d, c, dir.resolve("b"), false, Double.POSITIVE_INFINITY, RlProgress.NONE);
        MarlTrainer.train(USERS, d, c.withSeed(4), dir.resolve("other"), false, Double.POSITIVE_INFINITY,
                RlProgress.NONE);
        MarlTrainer.train(USERS, d, c.withEpisodes(40), dir.resolve("r"), false, Double.POSITIVE_INFINITY,
                RlProgress.NONE); // a shorter run, then resumed to the full length
        MarlTrainer.Result resumed = MarlTrainer.train(USERS, d, c, dir.resolve("r"), true, Double.POSITIVE_INFINITY,
                RlProgress.NONE);
        assertEquals(60, resumed.episodes());
        byte[] a = Files.readAllBytes(dir.resolve("a/network-0.mlp"));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("b/network-0.mlp")), "same seed, same actor");
        assertFalse(java.util.Arrays.equals(a, Files.readAllBytes(dir.resolve("other/network-0.mlp"))));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("r/network-0.mlp")), "resumed = uninterrupted");
        assertEquals(Files.readString(dir.resolve("a/training/fig6.csv")),
                Files.readString(dir.resolve("r/training/fig6.csv")));
        assertEquals(Files.readString(dir.resolve("a/training/evaluations.csv")),
                Files.readString(dir.resolve("r/training/evaluations.csv")));

        UserQConfig u = userQ(UserQConfig.Algorithm.VDN_G, 60).withBatch(8, 500, 20).withSchedule(10, 20, 2, 20);
        UserQTrainer.train(USERS, d, u, dir.resolve("ua"), false, Double.POSITIVE_INFINITY, RlProgress.NONE);
        UserQTrainer.train(USERS, d, u.withEpisodes(40), dir.resolve("ur"), false, Double.POSITIVE_INFINITY,
                RlProgress.NONE);
        UserQTrainer.train(USERS, d, u, dir.resolve("ur"), true, Double.POSITIVE_INFINITY, RlProgress.NONE);
        assertArrayEquals(Files.readAllBytes(dir.resolve("ua/network-0.mlp")),
                Files.readAllBytes(dir.resolve("ur/network-0.mlp")));
    }

    @Test
    void aCheckpointOfAnotherConfigurationIsRefused(@TempDir Path dir) throws Exception {
        long d = EdgeAllocationEnv.DEFAULT_DEPLOYMENT_SEED;
        MarlConfig c = marl(MarlConfig.Algorithm.MADDPG, 60);
        MarlTrainer.train(USERS, d, c, dir, false, Double.POSITIVE_INFINITY, RlProgress.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MarlTrainer.train(USERS, d,
                c.withEpisodes(80).withHidden(List.of(16)), dir, true, Double.POSITIVE_INFINITY, RlProgress.NONE));
        assertTrue(e.getMessage().contains("only the number of episodes may change"), e.getMessage());
    }
}

package org.mecopt.models.edge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.edge.EdgeEvaluator;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.edge.EdgeSystemGenerator;
import org.mecopt.edge.env.EdgeAllocationEnv;
import org.mecopt.edge.policy.EdgePolicies;
import org.mecopt.edge.policy.EdgePolicy;
import org.mecopt.models.rl.RlProgress;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;

class LearnedEdgePoliciesTest {

    private static EdgeSystem system(int users) {
        return EdgeAllocationEnv.system(EdgeSystemGenerator.deployment(EdgeSystemGenerator.Config.SEED_003.withUsers(users),
                EdgeAllocationEnv.DEFAULT_DEPLOYMENT_SEED), EdgeAllocationEnv.EVALUATION_SEED_START);
    }

    @Test
    void bundledPoliciesLoadAndActOnTheirSize() {
        assertTrue(EdgePolicies.names().containsAll(LearnedEdgePolicies.NAMES), EdgePolicies.names().toString());
        EdgeSystem system = system(110);
        for (String name : List.of("mamaxent", "maddpg", "idqn", "vdn", "vdn-g")) {
            EdgePolicy p = EdgePolicies.create(name);
            assertEquals(name, p.name());
            int[] a = p.allocate(system);
            assertEquals(110, a.length);
            for (int s : a) {
                assertTrue(s >= 0 && s < 7, name + " chose server " + s);
            }
            assertArrayEquals(a, p.allocate(system), "greedy: the same decision twice");
            double qoe = new EdgeEvaluator(system, SigmoidalProgramming.Settings.DEFAULTS).evaluate(a).systemQoe();
            assertTrue(qoe > 0 && qoe <= 110, name + ": " + qoe);
            String agent = name.equals("vdn") ? "vdn-l" : name;
            EdgeModel bundled = LearnedEdgePolicies.bundled(agent, 110);
            assertEquals(agent, bundled.agent());
            assertEquals(EdgeAllocationEnv.DEFAULT_DEPLOYMENT_SEED, bundled.deploymentSeed());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.allocate(system(90)));
            assertTrue(e.getMessage().contains("train qoe-edge --agent " + agent + " --users 90"), e.getMessage());
            assertTrue(e.getMessage().contains("no bundled " + agent + " model for 90 users"), e.getMessage());
        }
    }

    /** One policy name serves several sizes: the bundle is chosen by the system's user count. */
    @Test
    void theBundleIsChosenByTheSystemsUserCount() {
        assertEquals(List.of(70, 110, 150), LearnedEdgePolicies.BUNDLED.get("mamaxent"));
        assertEquals(List.of(70, 110, 150), LearnedEdgePolicies.BUNDLED.get("vdn-l"));
        for (String name : List.of("mamaxent", "vdn", "maddpg")) {
            String agent = name.equals("vdn") ? "vdn-l" : name;
            EdgePolicy p = EdgePolicies.create(name);
            for (int users : LearnedEdgePolicies.BUNDLED.get(agent)) {
                EdgeModel bundled = LearnedEdgePolicies.bundled(agent, users);
                assertEquals(users, bundled.users(), agent + " bundle for " + users);
                assertEquals(agent, bundled.agent());
                assertEquals(EdgeAllocationEnv.DEFAULT_DEPLOYMENT_SEED, bundled.deploymentSeed());
                EdgeSystem system = system(users);
                int[] a = p.allocate(system);
                assertEquals(users, a.length);
                assertArrayEquals(bundled.allocate(system), a, name + " at " + users + " acts as its bundle");
                double qoe = new EdgeEvaluator(system, SigmoidalProgramming.Settings.DEFAULTS).evaluate(a).systemQoe();
                assertTrue(qoe > 0 && qoe <= users, name + " at " + users + ": " + qoe);
            }
        }
        // IDQN is bundled at 110 only: at 70 the message names the bundled sizes and how to train one.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EdgePolicies.create("idqn").allocate(system(70)));
        assertTrue(e.getMessage().contains("no bundled idqn model for 70 users (bundled: [110] users)"), e.getMessage());
        assertTrue(e.getMessage().contains("train qoe-edge --agent idqn --users 70"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> EdgePolicies.create("mamaxent").allocate(system(130)));
        assertTrue(e2.getMessage().contains("(bundled: [70, 110, 150] users)"), e2.getMessage());
    }

    @Test
    void aTrainedDirectoryLoadsByAgentColonDirAndActsAsTrained(@TempDir Path dir) throws Exception {
        UserQConfig c = UserQConfig.defaults(UserQConfig.Algorithm.VDN_L).withHidden(List.of(8)).withEpisodes(30)
                .withBatch(4, 100, 10).withSchedule(10, 0, 2, 0);
        UserQTrainer.Result r = UserQTrainer.train(8, EdgeAllocationEnv.DEFAULT_DEPLOYMENT_SEED, c, dir, false,
                Double.POSITIVE_INFINITY, RlProgress.NONE);
        EdgeSystem system = system(8);
        EdgePolicy p = EdgePolicies.create("vdn:" + dir);
        assertArrayEquals(r.model().allocate(system), p.allocate(system));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EdgePolicies.create("idqn:" + dir));
        assertTrue(e.getMessage().contains("is a vdn-l model"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EdgePolicies.create("mamaxent:" + dir.resolve("missing")));
    }
}

package org.mecopt.edge.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.edge.EdgeSystemGenerator;
import org.mecopt.edge.EdgeUser;
import org.mecopt.env.EnvChecker;
import org.mecopt.env.ParallelReset;
import org.mecopt.env.ParallelStep;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;

class EdgeAllocationEnvTest {

    private static EdgeAllocationEnv env(int users) {
        return new EdgeAllocationEnv(
                EdgeSystemGenerator.deployment(EdgeSystemGenerator.Config.SEED_003.withUsers(users), 11),
                SigmoidalProgramming.Settings.DEFAULTS);
    }

    @Test
    void passesTheEnvironmentChecker() {
        EnvChecker.Report r = EnvChecker.checkParallel(() -> env(20), 5, 40);
        assertEquals(40, r.terminated(), "every episode is one step and terminates");
        assertEquals(0, r.truncated());
    }

    @Test
    void usersAreRedrawnButEtaAndLinksStay() {
        EdgeAllocationEnv e = env(30);
        e.reset(1);
        EdgeSystem a = e.system();
        e.reset();
        EdgeSystem b = e.system();
        assertNotEquals(a.users(), b.users());
        for (int u = 0; u < 30; u++) {
            assertArrayEquals(a.users().get(u).eta(), b.users().get(u).eta());
            for (int h = 0; h < 7; h++) {
                assertEquals(a.forwardingLatency(u, h) == 0, a.users().get(u).connectedServer() == h);
            }
        }
        assertArrayEquals(a.linkRateBps()[2], b.linkRateBps()[2]);
        // reset(s) draws exactly evaluation system s
        e.reset(EdgeAllocationEnv.EVALUATION_SEED_START + 4);
        assertEquals(EdgeAllocationEnv.system(e.deployment(), EdgeAllocationEnv.EVALUATION_SEED_START + 4).users(),
                e.system().users());
        // a larger deployment with the same seed extends the smaller one (common random numbers)
        EdgeSystem big = EdgeAllocationEnv.system(
                EdgeSystemGenerator.deployment(EdgeSystemGenerator.Config.SEED_003.withUsers(40), 11), 1);
        assertEquals(a.users(), big.users().subList(0, 30));
    }

    @Test
    void observationsHoldOnlyTheServersOwnUsers() {
        EdgeAllocationEnv e = env(25);
        ParallelReset r = e.reset(3);
        double[] state = e.state();
        double[] sum = new double[state.length];
        for (int h = 0; h < 7; h++) {
            double[] o = r.observations().get(h);
            for (int u = 0; u < 25; u++) {
                boolean own = e.system().users().get(u).connectedServer() == h;
                assertEquals(own ? (h + 1) / 7.0 : 0, o[u * 9], 1e-15);
                for (int k = 0; k < 9; k++) {
                    sum[u * 9 + k] += o[u * 9 + k];
                }
            }
        }
        assertArrayEquals(state, sum, 0, "the state is the union of the observations");
        EdgeUser user = e.system().users().get(0);
        assertEquals((user.taskBits() / 8e3 - 200) / 600, state[1], 1e-15);
        assertEquals((user.noiseDbm() + 120) / 40, state[8], 1e-15);
        for (int i = 0; i < state.length; i++) {
            if (i % 9 != 4 && i % 9 != 5) {
                assertTrue(state[i] >= 0 && state[i] <= 1, "uniform feature " + i + " = " + state[i]);
            }
        }
    }

    /**
     * Three users, each sent alone to a server (by its connected server's row): each then gets the
     * whole server, so its QoE is the closed form {@code 1/(1+exp(α(d^c + d^f + ηVκ/P − β)))}, or its
     * cloud QoE if higher. The other servers' rows for that user are set to point elsewhere and
     * must be ignored.
     */
    @Test
    void aHandCheckedStep() {
        EdgeAllocationEnv e = env(3);
        e.reset(7);
        EdgeSystem s = e.system();
        int[] target = {6, 2, 4};
        List<double[]> actions = new ArrayList<>();
        for (int h = 0; h < 7; h++) {
            double[] a = new double[3 * 7];
            for (int u = 0; u < 3; u++) {
                boolean decides = s.users().get(u).connectedServer() == h;
                a[u * 7 + (decides ? target[u] : (target[u] + 1) % 7)] = decides ? 0.6 : 1.0;
            }
            actions.add(a);
        }
        ParallelStep step = e.step(actions);
        double expected = 0;
        for (int u = 0; u < 3; u++) {
            EdgeUser user = s.users().get(u);
            int h = target[u];
            double forward = user.connectedServer() == h ? 0
                    : (user.taskBits() + user.resultBits()) / s.linkRateBps()[user.connectedServer()][h]
                            + 2 * s.linkDelayS()[user.connectedServer()][h];
            double latency = user.wirelessLatencyS() + forward
                    + user.etaOn(h) * user.taskBits() * user.cyclesPerBit() / s.capacityOf(h);
            double edge = 1 / (1 + Math.exp(user.steepnessPerS() * (latency - user.midpointS())));
            double cloudLatency = user.wirelessLatencyS() + (user.taskBits() + user.resultBits()) / 100e6 + 0.4
                    + user.taskBits() * user.cyclesPerBit() / 20e9;
            double cloud = 1 / (1 + Math.exp(user.steepnessPerS() * (cloudLatency - user.midpointS())));
            expected += Math.max(edge, cloud);
            assertEquals(edge > cloud ? h : -1, e.lastOutcome().server()[u]);
        }
        for (int h = 0; h < 7; h++) {
            assertEquals(expected, step.reward(h), 1e-9);
            assertTrue(step.terminated(h));
            assertEquals(expected, step.infos().get(h).values().get("system_qoe"), 1e-9);
        }
        assertThrows(IllegalStateException.class, () -> e.step(actions));
    }
}

package org.mecopt.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;

class EdgeSystemTest {

    @Test
    void generatedSystemFollowsTheSetting() {
        EdgeSystem s = EdgeSystemGenerator.generate(EdgeSystemGenerator.Config.SEED_003.withUsers(400), 3);
        assertEquals(7, s.serverCount());
        assertEquals(160e9, s.capacityOf(6));
        int[] fastest = new int[7];
        for (int u = 0; u < s.userCount(); u++) {
            EdgeUser user = s.users().get(u);
            assertEquals(0, s.forwardingLatency(u, user.connectedServer()));
            for (int h = 0; h < 7; h++) {
                assertTrue(user.etaOn(h) >= 0.5 && user.etaOn(h) <= 8);
                if (h != user.connectedServer()) {
                    double f = s.forwardingLatency(u, h);
                    assertTrue(f >= 0.020 && f <= 0.040 + (user.taskBits() + user.resultBits()) / 80e6, "d^f " + f);
                }
            }
            fastest[TaskAllocation.gaAware(s)[u]]++;
            // the cloud: ≥ 2 × 200 ms of propagation
            assertTrue(s.cloudLatency(u) > 0.4);
            assertTrue(s.cloudQoe(u) < 0.5);
        }
        int max = 0;
        int min = Integer.MAX_VALUE;
        for (int c : fastest) {
            max = Math.max(max, c);
            min = Math.min(min, c);
        }
        assertTrue(max > 2 * min, "the fastest servers are unbalanced: " + java.util.Arrays.toString(fastest));
        assertEquals(EdgeSystemGenerator.generate(EdgeSystemGenerator.Config.SEED_003, 9).users(),
                EdgeSystemGenerator.generate(EdgeSystemGenerator.Config.SEED_003, 9).users().stream().toList());
    }

    @Test
    void policiesAndMetricsAreConsistent() {
        EdgeSystem s = EdgeSystemGenerator.generate(EdgeSystemGenerator.Config.SEED_003.withUsers(90), 1);
        EdgeEvaluator eval = new EdgeEvaluator(s, SigmoidalProgramming.Settings.DEFAULTS);
        SystemOutcome daes = eval.evaluate(TaskAllocation.daes(s));
        SystemOutcome ga = eval.evaluate(TaskAllocation.gaAware(s));
        LocalSearchAllocator search = new LocalSearchAllocator();
        SystemOutcome ours = eval.evaluate(search.allocate(s));
        for (SystemOutcome o : new SystemOutcome[] {daes, ga, ours}) {
            assertEquals(90, o.satisfied() + o.disturbed() + o.lost());
            double[] used = new double[7];
            for (int u = 0; u < 90; u++) {
                int h = o.server()[u];
                if (h < 0) {
                    assertEquals(s.cloudQoe(u), o.qoe()[u], 1e-15);
                    assertEquals(s.cloudLatency(u), o.latencyS()[u], 1e-15);
                } else {
                    used[h] += o.allocationHz()[u];
                    assertTrue(o.qoe()[u] > s.cloudQoe(u), "an edge user would do better in the cloud");
                    assertEquals(s.qoeUser(u, h).latency(o.allocationHz()[u]), o.latencyS()[u], 1e-12);
                }
            }
            for (int h = 0; h < 7; h++) {
                assertTrue(used[h] <= s.capacityOf(h) * (1 + 1e-9));
            }
        }
        assertTrue(ga.systemQoe() > daes.systemQoe());
        assertTrue(ours.systemQoe() >= Math.max(daes.systemQoe(), ga.systemQoe()) - 1e-3, "local search lost QoE");
        assertTrue(search.evaluations() > 14);
        // system QoE = Σ server values from the evaluator (cloud fallback included)
        int[] a = TaskAllocation.gaAware(s);
        double total = 0;
        var members = eval.members(a);
        for (int h = 0; h < 7; h++) {
            total += eval.serverValue(h, members.get(h));
        }
        assertEquals(total, ga.systemQoe(), 1e-3);
    }
}

package org.mecopt.deadline.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.deadline.DeadlineEnergyConfig;
import org.mecopt.deadline.EpisodeMetrics;
import org.mecopt.deadline.ScenarioGenerator;
import org.mecopt.deadline.Simulation;
import org.mecopt.deadline.TaskClass;
import org.junit.jupiter.api.Test;

class PoliciesTest {

    @Test
    void classicalPoliciesAreRegisteredAndUnknownNamesAreRefused() {
        assertEquals(List.of("heuristic", "just-in-time", "per-step-optimal", "per-step-optimal-reliable"),
                DeadlinePolicies.names().subList(0, 4));
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class,
                () -> DeadlinePolicies.create("nope", DeadlineEnergyConfig.defaults()));
        assertEquals("policy", e.field());
    }

    /** Least powers against the Foschini–Miljanic fixed point p ← D(Fp + 1), an independent method. */
    @Test
    void leastPowersMatchTheFixedPointIteration() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1);
        LeastPowers solver = new LeastPowers(6);
        int feasible = 0;
        int infeasible = 0;
        for (int trial = 0; trial < 300; trial++) {
            double[][] g = new double[6][6];
            double[] sinr = new double[6];
            for (int k = 0; k < 6; k++) {
                for (int j = 0; j < 6; j++) {
                    g[k][j] = k == j ? 100 + 1000 * rng.nextDouble() : 50 * rng.nextDouble();
                }
                sinr[k] = rng.nextDouble() < 0.2 ? 0 : 5 * rng.nextDouble();
            }
            double[] p = new double[6];
            boolean ok = solver.solve(g, sinr, 0.1, p);
            double[] q = new double[6];
            boolean converged = false;
            for (int it = 0; it < 20000; it++) {
                double[] next = new double[6];
                double change = 0;
                for (int k = 0; k < 6; k++) {
                    double interference = 1;
                    for (int j = 0; j < 6; j++) {
                        interference += j == k ? 0 : q[j] * g[k][j];
                    }
                    next[k] = sinr[k] * interference / g[k][k];
                    change = Math.max(change, Math.abs(next[k] - q[k]));
                }
                q = next;
                if (change < 1e-15) {
                    converged = true;
                    break;
                }
                if (Math.abs(q[0]) > 1e6) {
                    break;
                }
            }
            double most = java.util.Arrays.stream(q).max().orElseThrow();
            if (converged && Math.abs(most - 0.1) < 1e-6) {
                continue; // on the power cap: either answer is right within rounding
            }
            boolean fixedPointFeasible = converged && most <= 0.1;
            assertEquals(fixedPointFeasible, ok, "trial " + trial);
            if (ok) {
                feasible++;
                for (int k = 0; k < 6; k++) {
                    assertEquals(q[k], p[k], 1e-9 * Math.max(1e-6, q[k]), "trial " + trial + " user " + k);
                }
            } else {
                infeasible++;
            }
        }
        assertTrue(feasible > 30 && infeasible > 30, feasible + " feasible, " + infeasible + " infeasible");
    }

    @Test
    void ourPoliciesSpendLessThanTheHeuristicAndActInTheBox() {
        DeadlineEnergyConfig config = DeadlineEnergyConfig.defaults();
        EpisodeMetrics heuristic = EpisodeMetrics.empty(config);
        EpisodeMetrics jit = EpisodeMetrics.empty(config);
        EpisodeMetrics pso = EpisodeMetrics.empty(config);
        for (long seed = 1_000_000L; seed < 1_000_003L; seed++) {
            var s = ScenarioGenerator.generate(config, seed);
            heuristic = heuristic.plus(Simulation.run(s, DeadlinePolicies.create("heuristic", config), false).metrics());
            jit = jit.plus(Simulation.run(s, DeadlinePolicies.create("just-in-time", config), false).metrics());
            pso = pso.plus(Simulation.run(s, DeadlinePolicies.create("per-step-optimal", config), false).metrics());
        }
        for (TaskClass c : TaskClass.values()) {
            assertTrue(jit.normalizedEnergy(c) < heuristic.normalizedEnergy(c), "just-in-time " + c);
            assertTrue(pso.normalizedEnergy(c) < heuristic.normalizedEnergy(c), "per-step-optimal " + c);
        }
    }
}

package org.mecopt.deadline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.deadline.policy.DeadlinePolicies;
import org.mecopt.env.EnvChecker;
import org.mecopt.env.ParallelStep;
import org.junit.jupiter.api.Test;

class DeadlineEnergyEnvTest {
    private static final double LOG2 = Math.log(2);

    /** A hand-made scenario: constant gains every step. */
    private static Scenario scenario(int steps, List<TaskClass> classes, double[][] g, List<Arrival> arrivals) {
        DeadlineEnergyConfig config = DeadlineEnergyConfig.defaults().withUsers(classes.size()).withSteps(steps);
        double[][][] gain = new double[steps][][];
        Arrays.fill(gain, g);
        double[] sumBeta = new double[classes.size()];
        Arrays.fill(sumBeta, 1e-9);
        return new Scenario(config, classes, sumBeta, gain, arrivals);
    }

    private static ParallelStep step(DeadlineEnergyEnv env, double[]... actions) {
        return env.step(List.of(actions));
    }

    @Test
    void oneUserWithoutInterferenceMatchesHandComputedStep() {
        Scenario s = scenario(5, List.of(TaskClass.XR), new double[][] {{1000}}, List.of(new Arrival(0, 1, 1e5, 500, 0.0025)));
        DeadlineEnergyEnv env = DeadlineEnergyEnv.replaying(s);
        double[] first = env.reset(0).observations().get(0);
        assertEquals(1.0, first[0]);
        assertEquals((500 - 100) / 700.0, first[1], 1e-15);
        assertEquals(1.0, first[2]);
        ParallelStep step = step(env, new double[] {0.5, 0.5});
        StepRecord r = env.lastStep();
        // α f_max = 5e8 Hz: 1e-3 s · 5e8 / 500 = 1000 bits, energy 1e-28 · 1000 · 500 · (5e8)² = 1.25e-5 J
        assertEquals(1000, r.localBits[0], 1e-9);
        assertEquals(1.25e-5, r.localEnergyJ[0], 1e-18);
        // SINR 0.5 · 0.1 · 1000 = 50, R = 2e7 · 0.95 · log2(51); alone, the whole edge: r = 1e11/500
        double rate = 2e7 * 0.95 * Math.log(51) / LOG2;
        assertEquals(50, r.sinr[0], 1e-12);
        assertEquals(rate, r.rateBps[0], 1e-6);
        assertEquals(2e8, r.edgeRateBps[0], 1e-3);
        double offload = 1e-3 / (1 / rate + 1 / 2e8);
        assertEquals(offload, r.offloadBits[0], 1e-6);
        assertEquals(0.05 * offload / rate, r.offloadEnergyJ[0], 1e-15);
        double left = 1e5 - 1000 - offload;
        assertEquals(left / 1e5, step.observations().get(0)[0], 1e-12);
        assertEquals(1.5 / 2.5, step.observations().get(0)[2], 1e-12);
        // eq. (12): progress − 0.5 Ẽ − 0.5 π r², π = 1 − 1.5/2.5
        double energy = 1.25e-5 + 0.05 * offload / rate;
        // ε = 1e-9 in every denominator of eq. (12), as the paper writes it
        double expected = (1000 + offload) / (1e5 + 1e-9) - 0.5 * energy / (2e-4 + 1e-9)
                - 0.5 * (1 - 1.5e-3 / (2.5e-3 + 1e-9)) * Math.pow(left / (1e5 + 1e-9), 2);
        assertEquals(expected, step.reward(0), 1e-12);
    }

    @Test
    void expiringTaskFailsInItsPartialLastStepAndDropsTheRemainder() {
        Scenario s = scenario(5, List.of(TaskClass.IOT), new double[][] {{1000}}, List.of(new Arrival(0, 1, 1e5, 500, 0.0025)));
        DeadlineEnergyEnv env = DeadlineEnergyEnv.replaying(s);
        env.reset(0);
        double local = 0;
        for (int t = 1; t <= 3; t++) {
            assertTrue(env.view().pending(0), "pending at step " + t);
            step(env, new double[] {1, 0});
            StepRecord r = env.lastStep();
            assertEquals(t < 3 ? 1e-3 : 0.5e-3, r.window[0], 1e-15);
            assertEquals(t < 3 ? 2000 : 1000, r.localBits[0], 1e-9);
            assertTrue(r.offloadBits[0] < 1e-9, "η = 0 offloads nothing");
            assertEquals(0, r.offloadEnergyJ[0]);
            local += r.localBits[0];
            assertEquals(t == 3, !env.outcomes().isEmpty());
        }
        assertEquals(List.of(new TaskOutcome(0, 1, false, 3)), env.outcomes());
        assertFalse(env.view().pending(0));
        ClassTotals iot = env.metrics().of(TaskClass.IOT);
        assertEquals(1, iot.failures());
        assertEquals(1e5 - local, iot.droppedBits(), 1e-6);
        // a user without a task spends nothing, whatever it asks for
        step(env, new double[] {1, 1});
        assertEquals(0, env.lastStep().localEnergyJ[0]);
        assertEquals(0, env.lastStep().offloadEnergyJ[0]);
    }

    @Test
    void taskFinishingMidStepSucceedsWithExactEnergyAndReward() {
        Scenario s = scenario(3, List.of(TaskClass.IOT), new double[][] {{1000}}, List.of(new Arrival(0, 1, 500, 500, 0.003)));
        DeadlineEnergyEnv env = DeadlineEnergyEnv.replaying(s);
        env.reset(0);
        ParallelStep step = step(env, new double[] {1, 1});
        StepRecord r = env.lastStep();
        assertEquals(500, r.localBits[0]);
        assertEquals(0, r.offloadBits[0]);
        assertEquals(1e-28 * 500 * 500 * 1e18, r.localEnergyJ[0], 1e-20);
        assertEquals(List.of(new TaskOutcome(0, 1, true, 1)), env.outcomes());
        // progress 1 + success 1 − 0.5 · 2.5e-5 / 2e-4
        assertEquals(500 / (500 + 1e-9) + 1 - 0.5 * 2.5e-5 / (2e-4 + 1e-9), step.reward(0), 1e-12);
        assertArrayEquals(new double[4], step.observations().get(0));
    }

    @Test
    void edgeIsSharedInProportionToRemaindersAndOnlyBusyUsersInterfere() {
        double[][] g = {{1000, 10}, {20, 1000}};
        Scenario both = scenario(5, List.of(TaskClass.XR, TaskClass.XR), g,
                List.of(new Arrival(0, 1, 1e5, 500, 0.01), new Arrival(1, 1, 3e5, 250, 0.01)));
        DeadlineEnergyEnv env = DeadlineEnergyEnv.replaying(both);
        env.reset(0);
        step(env, new double[] {0, 1}, new double[] {0, 1});
        StepRecord r = env.lastStep();
        assertEquals(1e5 / 4e5 * 1e11 / 500, r.edgeRateBps[0], 1e-3);
        assertEquals(3e5 / 4e5 * 1e11 / 250, r.edgeRateBps[1], 1e-3);
        assertEquals(100 / (0.1 * 10 + 1), r.sinr[0], 1e-12);
        assertEquals(100 / (0.1 * 20 + 1), r.sinr[1], 1e-12);
        Scenario alone = scenario(5, List.of(TaskClass.XR, TaskClass.XR), g, List.of(new Arrival(0, 1, 1e5, 500, 0.01)));
        DeadlineEnergyEnv idle = DeadlineEnergyEnv.replaying(alone);
        idle.reset(0);
        step(idle, new double[] {0, 1}, new double[] {1, 1});
        assertEquals(100, idle.lastStep().sinr[0], 1e-12);
        assertEquals(1e11 / 500, idle.lastStep().edgeRateBps[0], 1e-3);
        assertEquals(0, idle.lastStep().localEnergyJ[1]);
    }

    @Test
    void aUserWhoseTaskEndsInTheStepStillInterferesForTheWholeStepWhateverItsIndex() {
        double[][] g = {{1000, 10}, {20, 1000}};
        // user 0 finishes its 500 bits locally within step 1 while transmitting at full power
        Scenario first = scenario(5, List.of(TaskClass.XR, TaskClass.XR), g,
                List.of(new Arrival(0, 1, 500, 500, 0.01), new Arrival(1, 1, 3e5, 250, 0.01)));
        DeadlineEnergyEnv env = DeadlineEnergyEnv.replaying(first);
        env.reset(0);
        step(env, new double[] {1, 1}, new double[] {0, 1});
        assertEquals(100 / (0.1 * 20 + 1), env.lastStep().sinr[1], 1e-12);
        // the same with the roles of the users swapped
        Scenario second = scenario(5, List.of(TaskClass.XR, TaskClass.XR), g,
                List.of(new Arrival(0, 1, 3e5, 250, 0.01), new Arrival(1, 1, 500, 500, 0.01)));
        DeadlineEnergyEnv swapped = DeadlineEnergyEnv.replaying(second);
        swapped.reset(0);
        step(swapped, new double[] {0, 1}, new double[] {1, 1});
        assertEquals(100 / (0.1 * 10 + 1), swapped.lastStep().sinr[0], 1e-12);
    }

    @Test
    void bitsAndEnergyBalanceOverAnEpisode() {
        DeadlineEnergyConfig config = DeadlineEnergyConfig.defaults();
        Scenario s = ScenarioGenerator.generate(config, 7);
        Simulation.Episode e = Simulation.run(s, DeadlinePolicies.create("heuristic", config), true);
        for (TaskClass c : TaskClass.values()) {
            ClassTotals t = e.metrics().of(c);
            assertEquals(s.arrivals(c), t.arrivals());
            assertEquals(t.arrivals(), t.successes() + t.failures(), "every task ends by T");
            assertEquals(t.arrivedBits(), t.localBits() + t.offloadBits() + t.droppedBits(), 1e-6 * t.arrivedBits() + 1e-6);
        }
        double traced = 0;
        for (int t = 0; t < s.steps(); t++) {
            for (int u = 0; u < s.users(); u++) {
                traced += e.trace().localEnergyJ()[t][u] + e.trace().offloadEnergyJ()[t][u];
            }
        }
        double total = e.metrics().of(TaskClass.XR).energyJ() + e.metrics().of(TaskClass.IOT).energyJ();
        assertEquals(total, traced, 1e-12 * total);
        int successes = (int) e.outcomes().stream().filter(TaskOutcome::success).count();
        assertEquals(e.metrics().of(TaskClass.XR).successes() + e.metrics().of(TaskClass.IOT).successes(), successes);
    }

    @Test
    void sameSeedSameScenarioAndOtherSeedsDiffer() {
        DeadlineEnergyConfig config = DeadlineEnergyConfig.defaults();
        String a = TraceCodec.writeScenario(ScenarioGenerator.generate(config, 3));
        assertEquals(a, TraceCodec.writeScenario(ScenarioGenerator.generate(config, 3)));
        assertNotEquals(a, TraceCodec.writeScenario(ScenarioGenerator.generate(config, 4)));
        DeadlineEnergyEnv env = new DeadlineEnergyEnv(config);
        env.reset(3);
        assertEquals(a, TraceCodec.writeScenario(env.scenario()), "reset(seed) draws the generator's scenario");
    }

    @Test
    void scenarioArrivalsFollowTheClassPeriods() {
        DeadlineEnergyConfig config = DeadlineEnergyConfig.defaults();
        Scenario s = ScenarioGenerator.generate(config, 11);
        for (int u = 0; u < s.users(); u++) {
            TaskProfile p = config.profile(s.taskClass(u));
            List<Integer> steps = new ArrayList<>();
            for (Arrival a : s.arrivals()) {
                if (a.user() == u) {
                    steps.add(a.step());
                    assertTrue(a.bits() >= p.minBits() && a.bits() <= p.maxBits());
                    assertTrue(a.deadlineS() >= p.minDeadlineS() && a.deadlineS() <= p.maxDeadlineS());
                }
            }
            assertEquals(200 / p.periodSteps(), steps.size());
            assertEquals(1, steps.get(0));
        }
        for (int t = 1; t <= s.steps(); t += 50) {
            for (int k = 0; k < s.users(); k++) {
                assertEquals(s.gain(t, k, k) * 0 + s.gain(t, k, k), s.gain(t, k, k));
                for (int j = 0; j < s.users(); j++) {
                    // |g_k^H g_j|² is symmetric: G_kj ‖g_k‖² = G_jk ‖g_j‖²
                    assertEquals(s.gain(t, k, j) * s.gain(t, k, k), s.gain(t, j, k) * s.gain(t, j, j),
                            1e-9 * s.gain(t, k, j) * s.gain(t, k, k));
                }
            }
        }
    }

    @Test
    void passesTheEnvironmentChecker() {
        DeadlineEnergyConfig config = DeadlineEnergyConfig.defaults().withSteps(30);
        EnvChecker.Report report = EnvChecker.checkParallel(() -> new DeadlineEnergyEnv(config), 5, 95);
        assertTrue(report.truncated() >= 3, "truncated at T = 30: " + report);
        assertEquals(0, report.terminated());
    }

    @Test
    void stateHoldsObservationsClassesAndTime() {
        DeadlineEnergyConfig config = DeadlineEnergyConfig.defaults();
        DeadlineEnergyEnv env = new DeadlineEnergyEnv(config);
        List<double[]> obs = env.reset(9).observations();
        double[] state = env.state();
        assertEquals(51, state.length);
        for (int u = 0; u < 10; u++) {
            assertArrayEquals(obs.get(u), Arrays.copyOfRange(state, 4 * u, 4 * u + 4));
            assertEquals(env.scenario().taskClass(u) == TaskClass.XR ? 1 : 0, state[40 + u]);
        }
        assertEquals(0, state[50]);
        assertTrue(env.stateSpace().contains(state));
    }

    @Test
    void badConstantsAndScenariosAreNamed() {
        DeadlineEnergyConfig d = DeadlineEnergyConfig.defaults();
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class, () -> new DeadlineEnergyConfig(d.users(),
                d.aps(), d.radiusM(), d.pathLoss(), 1.5, d.steps(), d.stepS(), d.bandwidthHz(), d.rateFactor(),
                d.noiseDensityDbmPerHz(), d.noiseFigureDb(), d.pMaxW(), d.fMaxHz(), d.edgeHz(), d.phi(), d.epsilon(),
                d.xr(), d.iot(), d.reward(), d.observedMinCyclesPerBit(), d.observedMaxCyclesPerBit(),
                d.observedMinSumBetaDb(), d.observedMaxSumBetaDb()));
        assertEquals("xrProbability", e.field());
        InvalidInstanceException overlap = assertThrows(InvalidInstanceException.class, () -> scenario(10,
                List.of(TaskClass.IOT), new double[][] {{1}}, List.of(new Arrival(0, 1, 1, 1, 0.005), new Arrival(0, 3, 1, 1, 0.005))));
        assertTrue(overlap.getMessage().startsWith("arrivals[1].step = 3"), overlap.getMessage());
    }
}

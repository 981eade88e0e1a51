package org.mecopt.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the dynamics under arbitrary actions, on small random settings. */
class DeadlineEnergyProperties {

    /**
     * Whatever the actions: per step and user, processed bits never exceed the remainder, energies are
     * non-negative and at most E_max, rates and SINRs finite; over the episode every arrived bit is
     * processed locally, offloaded or dropped, and every task ends (success or failure) by T.
     */
    @Property(tries = 25)
    void bitsBalanceAndEnergiesStayBoundedUnderRandomActions(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int users) {
        DeadlineEnergyConfig config = DeadlineEnergyConfig.defaults().withUsers(users).withAps(20).withSteps(40);
        DeadlineEnergyEnv env = new DeadlineEnergyEnv(config);
        env.reset(seed);
        Random rnd = new Random(seed);
        double energyMax = config.maxStepEnergyJ();
        for (int t = 0; t < config.steps(); t++) {
            double[] before = new double[users];
            for (int u = 0; u < users; u++) {
                before[u] = env.view().local(u).remainingBits();
            }
            List<double[]> actions = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                // corners of the box as often as the inside
                actions.add(new double[] {rnd.nextBoolean() ? rnd.nextInt(2) : rnd.nextDouble(),
                    rnd.nextBoolean() ? rnd.nextInt(2) : rnd.nextDouble()});
            }
            env.step(actions);
            StepRecord r = env.lastStep();
            for (int u = 0; u < users; u++) {
                assertTrue(r.localBits[u] + r.offloadBits[u] <= before[u] * (1 + 1e-12), "bits of user " + u);
                double e = r.localEnergyJ[u] + r.offloadEnergyJ[u];
                assertTrue(e >= 0 && e <= energyMax * (1 + 1e-9), "energy " + e + " of user " + u);
                assertTrue(Double.isFinite(r.rateBps[u]) && Double.isFinite(r.sinr[u]));
            }
        }
        EpisodeMetrics m = env.metrics();
        for (TaskClass c : TaskClass.values()) {
            ClassTotals t = m.of(c);
            assertEquals(t.arrivals(), t.successes() + t.failures(), "every task ends by T");
            assertEquals(t.arrivedBits(), t.localBits() + t.offloadBits() + t.droppedBits(), 1e-9 * t.arrivedBits() + 1e-6);
            assertEquals(0, env.pendingBits(c));
        }
    }
}

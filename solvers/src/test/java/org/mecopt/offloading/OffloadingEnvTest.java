package org.mecopt.offloading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.api.SolverOptions;
import org.mecopt.env.Discrete;
import org.mecopt.env.EnvChecker;
import org.mecopt.env.Reset;
import org.mecopt.env.Step;
import org.junit.jupiter.api.Test;

class OffloadingEnvTest {
    private static final OffloadingGenerator.Config TWENTY = OffloadingGenerator.Config.PAPER.withSize(20, 4, 6);

    @Test
    void everyVariantKeepsTheEnvironmentContract() {
        for (OffloadingEnv.Options options : List.of(OffloadingEnv.Options.PAPER, OffloadingEnv.Options.KKT,
                new OffloadingEnv.Options(OffloadingEnv.Reward.PAPER, 10, false))) {
            EnvChecker.Report report = EnvChecker.check(
                    () -> OffloadingEnv.sampling(OffloadingGenerator.Config.PAPER, options), 7, 300);
            assertEquals(300 / 9, report.terminated(), options.toString());
            assertEquals(0, report.truncated());
        }
    }

    /** The marginal KKT reward telescopes: an episode's return is −M·D of the assignment, by the problem's own evaluation. */
    @Property(tries = 40)
    void theKktReturnIsMinusMTimesTheAverageDelay(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        OffloadingEnv env = OffloadingEnv.sampling(TWENTY, OffloadingEnv.Options.KKT);
        Reset reset = env.reset(seed);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double ret = 0;
        boolean[] mask = reset.info().actionMask();
        Step step;
        do {
            step = env.step(new Discrete(4).sample(rng, mask));
            ret += step.reward();
            mask = step.info().actionMask();
        } while (!step.done());
        OffloadingInstance instance = env.instance();
        double delay = instance.objective(KktAllocation.solution(instance, env.assignment()));
        assertEquals(-20 * delay, ret, 1e-12 * 20 * delay);
        assertEquals(delay, step.info().values().get("averageDelay"), 1e-12 * delay);
        assertTrue(instance.violations(KktAllocation.solution(instance, env.assignment())).isEmpty(),
                "masking keeps every episode feasible");
    }

    /** Replaying the exact solver's assignment earns the optimum: the environment's objective is the problem's. */
    @Test
    void replayingTheOptimumEarnsMinusMTimesTheOptimalDelay() {
        OffloadingInstance instance = OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER, 11);
        var result = new ExactSolver().solve(instance, SolverOptions.defaults());
        OffloadingEnv env = OffloadingEnv.fixed(instance, OffloadingEnv.Options.KKT);
        env.reset(0);
        double ret = 0;
        for (int server : result.solution().assignment()) {
            ret += env.step(server).reward();
        }
        assertEquals(-9 * result.objective(), ret, 1e-12);
        assertArrayEquals(result.solution().assignment(), env.assignment());
    }

    /** Eq. (13) by hand: equal share of F among the tasks placed so far, λ for an overload. */
    @Test
    void thePaperRewardChargesAnEqualShareAndThePenalty() {
        OffloadingInstance instance = new OffloadingInstance(1e6, 1e-9,
                List.of(new Device(3e5, 1e9, 0.1), new Device(2e5, 2e9, 0.1)),
                List.of(new Server(5e9, 1), new Server(6e9, 1)), new double[][] {{1.0, 1.0}, {2.0, 1.0}});
        OffloadingEnv env = OffloadingEnv.fixed(instance, new OffloadingEnv.Options(OffloadingEnv.Reward.PAPER, 7, false));
        env.reset(1);
        double rate0 = 1e6 * Math.log(1 + 0.1 * 1.0 / 1e-9) / Math.log(2);
        assertEquals(-(3e5 / rate0 + 1e9 / 5e9), env.step(0).reward(), 1e-12);
        double rate1 = 1e6 * Math.log(1 + 0.1 * 2.0 / 1e-9) / Math.log(2);
        Step second = env.step(0);
        assertEquals(-(2e5 / rate1 + 2e9 / (5e9 / 2)) - 7, second.reward(), 1e-12);
        assertEquals(1.0, second.info().values().get("overloads"));
        assertTrue(second.terminated());
    }

    @Property(tries = 30)
    void theMaskAllowsExactlyTheServersWithFreeSlots(@ForAll @LongRange(min = 0, max = 10_000) long seed,
            @ForAll @IntRange(min = 1, max = 19) int steps) {
        OffloadingEnv env = OffloadingEnv.sampling(TWENTY, OffloadingEnv.Options.PAPER);
        boolean[] mask = env.reset(seed).info().actionMask();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] obs = null;
        for (int t = 0; t < steps; t++) {
            Step step = env.step(new Discrete(4).sample(rng, mask));
            mask = step.info().actionMask();
            obs = step.observation();
        }
        int[] used = new int[4];
        for (int server : env.assignment()) {
            if (server >= 0) {
                used[server]++;
            }
        }
        int freeStart = 20 * (4 + 2);
        for (int n = 0; n < 4; n++) {
            assertEquals(used[n] < 6, mask[n], "server " + n);
            assertEquals(6 - used[n], obs[freeStart + n]);
        }
        assertEquals(1.0, obs[freeStart + 4 + steps], "one-hot of the next device");
    }

    @Test
    void theObservationHasItsDocumentedSizeAndBadOptionsAreRefused() {
        OffloadingEnv env = OffloadingEnv.fixed(OffloadingGenerator.generate(TWENTY, 1), OffloadingEnv.Options.PAPER);
        assertEquals(OffloadingEnv.observationSize(20, 4), env.reset(1).observation().length);
        assertFalse(env.observationSpace().contains(new double[3]));
        assertThrows(IllegalArgumentException.class,
                () -> new OffloadingEnv.Options(OffloadingEnv.Reward.KKT_MARGINAL, Double.NaN, true));
    }
}

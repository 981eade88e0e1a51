package org.mecopt.env.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.mecopt.env.EnvChecker;
import org.mecopt.env.Reset;
import org.mecopt.env.Step;
import org.junit.jupiter.api.Test;

class CartPoleTest {

    @Test
    void keepsTheEnvironmentContractAndFails() {
        EnvChecker.Report report = EnvChecker.check(CartPole::new, 7, 3_000);
        assertTrue(report.terminated() > 10, "random pushes drop the pole within a few dozen steps: " + report);
    }

    /**
     * From rest, pushing right: temp = F/m_total = 10/1.1, θ̈ = −temp / (l (4/3 − m_p/m_total))
     * = −14.634…, ẍ = temp − m_p l θ̈ / m_total = 9.7561…; Euler leaves x and θ at 0.
     */
    @Test
    void stepFromRestMatchesTheHandComputation() {
        double[] s = CartPole.next(new double[4], 1);
        assertArrayEquals(new double[] {0, 0.02 * 9.7560975609756, 0, 0.02 * -14.634146341463}, s, 1e-12);
    }

    /** Values from an independent evaluation of the published equations (Python, float64). */
    @Test
    void stepFromMovingStatesMatchesTheReferenceEquations() {
        assertArrayEquals(new double[] {0.0096, -0.21553901710278936, 0.0308, 0.3419952237760392},
                CartPole.next(new double[] {0.01, -0.02, 0.03, 0.04}, 0), 1e-12);
        assertArrayEquals(new double[] {-0.99, 0.6967096752986647, -0.174, -1.5356860674755026},
                CartPole.next(new double[] {-1.0, 0.5, -0.15, -1.2}, 1), 1e-12);
    }

    @Test
    void failsPastTheThresholdsOnly() {
        double limit = 12 * Math.PI / 180;
        assertFalse(CartPole.failed(new double[] {2.4, 0, limit, 0}));
        assertTrue(CartPole.failed(new double[] {2.4001, 0, 0, 0}));
        assertTrue(CartPole.failed(new double[] {-2.4001, 0, 0, 0}));
        assertTrue(CartPole.failed(new double[] {0, 0, limit + 1e-6, 0}));
        assertTrue(CartPole.failed(new double[] {0, 0, -limit - 1e-6, 0}));
    }

    @Test
    void startsNearUprightAndRewardsEveryStepIncludingTheLast() {
        CartPole env = new CartPole();
        Reset r = env.reset(3);
        for (double v : r.observation()) {
            assertTrue(Math.abs(v) <= 0.05, "start state " + v);
        }
        double total = 0;
        int steps = 0;
        Step s;
        do {
            s = env.step(1); // always right: the pole falls left quickly
            total += s.reward();
            steps++;
        } while (!s.done());
        assertTrue(s.terminated());
        assertEquals(steps, total);
        assertTrue(total < 30, "pushing one way fails fast: " + total);
    }

    @Test
    void isTruncatedAtFiveHundredStepsWhenBalanced() {
        CartPole env = new CartPole();
        double[] obs = env.reset(11).observation();
        Step s = null;
        int steps = 0;
        do {
            // a hand-made controller: push toward the side the pole leans and falls to
            s = env.step(obs[2] + 0.5 * obs[3] + 0.01 * obs[0] + 0.1 * obs[1] > 0 ? 1 : 0);
            obs = s.observation();
            steps++;
        } while (!s.done());
        assertTrue(s.truncated(), "the controller keeps the pole up: ended at " + steps);
        assertEquals(CartPole.MAX_EPISODE_STEPS, steps);
    }
}

package org.mecopt.env.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mecopt.env.EnvChecker;
import org.mecopt.env.Reset;
import org.mecopt.env.Step;

/**
 * Pendulum-v1 against steps computed by hand from the published equations (the expected numbers
 * were evaluated separately, not with this class).
 */
class PendulumTest {
    private static final double EPS = 1e-12;

    @Test
    void keepsTheEnvironmentContractAndIsOnlyEverTruncated() {
        EnvChecker.Report report = EnvChecker.check(Pendulum::new, 11, 1000);
        assertEquals(0, report.terminated());
        assertEquals(5, report.truncated(), "1000 steps are five 200-step episodes");
    }

    @Test
    void aStepFromHorizontalWithFullTorque() {
        // θ = π/2, θ̇ = 1, u = 2: θ̇' = 1 + (15·1 + 3·2)·0.05 = 2.05, θ' = π/2 + 0.1025,
        // reward = −((π/2)² + 0.1 + 0.004).
        Step step = placed(Math.PI / 2, 1).step(new double[] {2});
        assertEquals(-2.5714011002723396, step.reward(), EPS);
        assertArrayEquals(new double[] {-0.1023206124896028, 0.9947514726099944, 2.05}, step.observation(), EPS);
        assertFalse(step.done());
    }

    @Test
    void theSpeedIsClippedAtEight() {
        // θ = 2, θ̇ = 7.9, u = 2: 7.9 + (15 sin 2 + 6)·0.05 = 8.88 → 8, θ' = 2 + 8·0.05 = 2.4.
        Step step = placed(2, 7.9).step(new double[] {2});
        assertEquals(-(4 + 0.1 * 7.9 * 7.9 + 0.004), step.reward(), EPS);
        assertArrayEquals(new double[] {-0.7373937155412454, 0.675463180551151, 8}, step.observation(), EPS);
    }

    @Test
    void theCostMeasuresTheAngleFromUprightTheShortWayRound() {
        // θ = 5 is 5 − 2π ≈ −1.283 from upright; gravity pulls it further (sin 5 < 0).
        Step step = placed(5, 0).step(new double[] {0});
        assertEquals(-1.646564532561569, step.reward(), EPS);
        assertArrayEquals(new double[] {0.24900364374706976, -0.9685025479577647, -0.7191932059973539},
                step.observation(), EPS);
        assertEquals(-Math.PI, Pendulum.normalize(Math.PI), EPS);
        assertEquals(0.7168146928204138, Pendulum.normalize(-5.566370614359172), EPS);
        assertEquals(0, Pendulum.normalize(4 * Math.PI), EPS);
    }

    @Test
    void startsWithinItsInitialRangesAndRefusesATorqueBeyondTwo() {
        Pendulum env = new Pendulum();
        Reset reset = env.reset(3);
        for (int i = 0; i < 200; i++) {
            double[] s = env.state();
            assertTrue(Math.abs(s[0]) <= Math.PI && Math.abs(s[1]) <= 1, "start " + s[0] + ", " + s[1]);
            double[] o = reset.observation();
            assertEquals(Math.atan2(o[1], o[0]), s[0], 1e-12);
            reset = env.reset();
        }
        assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {2.0001}));
        assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {-2.5}));
    }

    @Test
    void doingNothingNeverBalancesAndHoldingUprightCostsNothing() {
        Pendulum hanging = placed(Math.PI, 0);
        double total = 0;
        for (int t = 0; t < Pendulum.MAX_EPISODE_STEPS; t++) {
            Step step = hanging.step(new double[] {0});
            total += step.reward();
            assertEquals(t == Pendulum.MAX_EPISODE_STEPS - 1, step.truncated());
        }
        assertEquals(-Math.PI * Math.PI * 200, total, 1e-6, "hanging still at the bottom costs π² a step");
        Pendulum upright = placed(0, 0);
        for (int t = 0; t < 10; t++) {
            assertEquals(0, upright.step(new double[] {0}).reward(), 0, "the upright equilibrium is free");
        }
    }

    private static Pendulum placed(double theta, double thetaDot) {
        Pendulum env = new Pendulum();
        env.reset(1);
        env.place(theta, thetaDot);
        return env;
    }
}

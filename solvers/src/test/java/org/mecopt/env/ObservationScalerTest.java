package org.mecopt.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationScalerTest {

    @Test
    void theFitIsTheMeanAndPopulationDeviationOfTheVisitedStates() {
        ObservationScaler scaler = ObservationScaler.fit(new EnvCheckerTest.Walk(6, 5, EnvCheckerTest.Walk.Flaw.NONE), 4, 50);
        // The same states, collected by hand and summarized two-pass.
        List<Double> seen = new ArrayList<>();
        EnvCheckerTest.Walk walk = new EnvCheckerTest.Walk(6, 5, EnvCheckerTest.Walk.Flaw.NONE);
        var actions = org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(4L ^ 0x5DEECE66DL);
        Reset r = walk.reset(4);
        double[] obs = r.observation();
        Info info = r.info();
        for (int e = 0; e < 50; ) {
            seen.add(obs[0]);
            Step s = walk.step(Actions.sample(walk.actionSpace(), info, actions));
            if (s.done()) {
                if (++e < 50) {
                    r = walk.reset();
                    obs = r.observation();
                    info = r.info();
                }
            } else {
                obs = s.observation();
                info = s.info();
            }
        }
        double mean = seen.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double var = seen.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / seen.size();
        assertEquals(mean, scaler.mean()[0], 1e-12);
        assertEquals(Math.sqrt(var), scaler.scale()[0], 1e-12);
    }

    @Test
    void aWrappedEnvironmentStillKeepsTheContractAndAConstantCoordinatePassesCentred() {
        ObservationScaler scaler = new ObservationScaler(new double[] {3}, new double[] {2});
        EnvChecker.check(() -> scaler.wrap(new EnvCheckerTest.Walk(6, 5, EnvCheckerTest.Walk.Flaw.NONE)), 2, 200);
        assertArrayEquals(new double[] {-0.5}, scaler.apply(new double[] {2}));
        assertThrows(IllegalArgumentException.class, () -> new ObservationScaler(new double[] {0}, new double[] {0}));
    }
}

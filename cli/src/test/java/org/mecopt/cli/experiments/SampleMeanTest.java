package org.mecopt.cli.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Against hand computations with Student's t quantiles from a printed table. */
class SampleMeanTest {

    @Test
    void fourSamplesUseTWithThreeDegreesOfFreedom() {
        SampleMean m = SampleMean.of(1, 2, 3, 4);
        assertEquals(2.5, m.mean(), 0);
        // s = √(5/3), t(0.975; 3) = 3.182446
        assertEquals(3.182446 * Math.sqrt(5.0 / 3) / 2, m.ci95(), 1e-6);
        assertEquals(4, m.count());
    }

    @Test
    void twentySamplesAreWiderThanTheNormalApproximation() {
        double[] x = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2; // mean 0.5, s = √(5/19)
        }
        SampleMean m = SampleMean.of(x);
        double sd = Math.sqrt(5.0 / 19);
        assertEquals(2.093024 * sd / Math.sqrt(20), m.ci95(), 1e-6); // t(0.975; 19)
        assertTrue(m.ci95() > 1.96 * sd / Math.sqrt(20));
    }

    @Test
    void twoSamplesAndASmallSpreadBesideALargeMean() {
        // t(0.975; 1) = 12.706205, s = |a − b| / √2; Σx² − n·mean² would be off by ~2e-4 here
        SampleMean m = SampleMean.of(1e9, 1e9 + 1024);
        double sd = 1024 / Math.sqrt(2);
        assertEquals(12.706205 * sd / Math.sqrt(2), m.ci95(), 1e-6 * m.ci95());
    }

    @Test
    void oneSampleHasNoIntervalAndNoneIsRejected() {
        SampleMean m = SampleMean.of(7);
        assertEquals(7, m.mean(), 0);
        assertTrue(Double.isNaN(m.ci95()));
        assertThrows(IllegalArgumentException.class, SampleMean::of);
    }
}

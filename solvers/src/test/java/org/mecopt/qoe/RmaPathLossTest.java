package org.mecopt.qoe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RmaPathLossTest {

    @Test
    void rmaPathLossMatchesAHandComputation() {
        // d2D = 50 m, h_BS = 35, h_UT = 1.5: d3D = sqrt(50² + 33.5²)
        double d3 = Math.sqrt(50 * 50 + 33.5 * 33.5);
        double hp = Math.pow(5, 1.72);
        double expected = 20 * Math.log10(40 * Math.PI * d3 * 5 / 3) + 0.03 * hp * Math.log10(d3) - 0.044 * hp
                + 0.002 * Math.log10(5) * d3;
        assertEquals(expected, RmaPathLoss.lossDb(50, 35, 1.5, 5, 5e9), 1e-12);
        assertEquals(2 * Math.PI * 35 * 1.5 * 5e9 / 3e8, RmaPathLoss.breakPoint(35, 1.5, 5e9), 1e-9);
        // beyond the break point the slope is 40 dB/decade
        double bp = RmaPathLoss.breakPoint(35, 1.5, 5e9);
        double far = RmaPathLoss.lossDb(3 * bp, 35, 1.5, 5, 5e9);
        double farther = RmaPathLoss.lossDb(6 * bp, 35, 1.5, 5, 5e9);
        assertEquals(40 * Math.log10(Math.hypot(6 * bp, 33.5) / Math.hypot(3 * bp, 33.5)), farther - far, 1e-9);
    }
}

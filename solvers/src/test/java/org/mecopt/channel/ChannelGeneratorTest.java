package org.mecopt.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ChannelGeneratorTest {

    @Test
    void pathLossMatchesNgo2017ByHand() {
        ThreeSlopePathLoss pl = ThreeSlopePathLoss.NGO_2017;
        assertEquals(140.7151, pl.lossConstantDb(), 5e-5);
        // d = 200 m > d1: −L − 35 log10(0.2)
        assertEquals(-140.7151 + 24.4640, pl.gainDb(200), 1e-3);
        // d = 30 m in (d0, d1]: −L − 15 log10(0.05) − 20 log10(0.03)
        assertEquals(-140.7151 + 19.5154 + 30.4576, pl.gainDb(30), 1e-3);
        // d = 5 m ≤ d0: flat at the d0 value
        assertEquals(pl.gainDb(10), pl.gainDb(5), 0);
        assertTrue(pl.shadowed(51) && !pl.shadowed(50));
        // the slopes meet at the break points
        assertEquals(pl.gainDb(50), pl.gainDb(50 + 1e-9), 1e-6);
    }

    @Test
    void noisePowerOfSeed001() {
        // −174 dBm/Hz + 9 dB over 5 MHz = −98.01 dBm
        assertEquals(Math.pow(10, (-174 + 9 + 10 * Math.log10(5e6) - 30) / 10), Units.noisePowerW(-174, 9, 5e6), 1e-25);
        assertEquals(0.01, Units.dbmToWatt(10), 1e-15);
    }

    @Test
    void effectiveGainsMatchTheMrcFormulaByHand() {
        ChannelGenerator.Config config = new ChannelGenerator.Config(ChannelModel.CELLFREE, 3, 2, 2, 2, 1000,
                ThreeSlopePathLoss.NGO_2017, 10, -174, 9, 5e6);
        ChannelRealization h = ChannelGenerator.draw(config, RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
        double p = 0.01;
        double noise = 2e-13;
        double[][][] g = ChannelGenerator.effectiveGains(h, p, noise);
        for (int n = 0; n < 2; n++) {
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 3; j++) {
                    double re = 0;
                    double im = 0;
                    double norm = 0;
                    for (int l = 0; l < 4; l++) {
                        // conj(h_k) · h_j
                        re += h.real(n, k, l) * h.real(n, j, l) + h.imaginary(n, k, l) * h.imaginary(n, j, l);
                        im += h.real(n, k, l) * h.imaginary(n, j, l) - h.imaginary(n, k, l) * h.real(n, j, l);
                        norm += h.real(n, k, l) * h.real(n, k, l) + h.imaginary(n, k, l) * h.imaginary(n, k, l);
                    }
                    double expected = p * (re * re + im * im) / (norm * noise);
                    assertEquals(expected, g[n][k][j], 1e-12 * expected);
                }
                // own gain = P ‖h‖² / σ²
            }
        }
    }

    @Test
    void sameSeedSameChannelAndApsShareLargeScaleGain() {
        ChannelGenerator.Config config = new ChannelGenerator.Config(ChannelModel.CELLFREE, 4, 8, 2, 3, 1000,
                ThreeSlopePathLoss.NGO_2017, 10, -174, 9, 5e6);
        double[][][] a = ChannelGenerator.draw(config, RandomSource.XO_RO_SHI_RO_128_PP.create(9L)).magnitudes();
        double[][][] b = ChannelGenerator.draw(config, RandomSource.XO_RO_SHI_RO_128_PP.create(9L)).magnitudes();
        for (int n = 0; n < a.length; n++) {
            for (int k = 0; k < a[n].length; k++) {
                assertArrayEquals(a[n][k], b[n][k], 0);
            }
        }
        double[][] beta = ChannelGenerator.largeScale(config, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        for (double[] row : beta) {
            for (int m = 0; m < 8; m++) {
                assertEquals(row[2 * m], row[2 * m + 1], 0, "two antennas of one AP share β");
            }
        }
    }

    @Test
    void bsCentredAntennasShareOneLargeScaleGainPerUser() {
        ChannelGenerator.Config config = new ChannelGenerator.Config(ChannelModel.BS_MMIMO, 5, 16, 1, 1, 1000,
                ThreeSlopePathLoss.NGO_2017, 10, -174, 9, 5e6);
        double[][] beta = ChannelGenerator.largeScale(config, RandomSource.XO_RO_SHI_RO_128_PP.create(2L));
        for (double[] row : beta) {
            for (double v : row) {
                assertEquals(row[0], v, 0);
            }
        }
    }

    @Test
    void pointsAreInTheDiskAndSpreadOverIt() {
        double[][] p = ChannelGenerator.pointsInDisk(RandomSource.XO_RO_SHI_RO_128_PP.create(3L), 20_000, 1000);
        int inner = 0;
        for (double[] point : p) {
            double r = Math.hypot(point[0], point[1]);
            assertTrue(r <= 1000);
            inner += r <= 500 ? 1 : 0;
        }
        // uniform over the area: a quarter of the points within half the radius
        assertEquals(0.25, inner / 20_000.0, 0.015);
    }
}

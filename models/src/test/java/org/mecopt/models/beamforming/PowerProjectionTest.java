package org.mecopt.models.beamforming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.mecopt.models.learning.Djl;

/** The projection is feasible by construction, the identity inside the ball, and the same in tensors as in Java. */
class PowerProjectionTest {

    private static double[] power(double[] re, double[] im, Dimensions d) {
        double[] p = new double[d.stations()];
        for (int n = 0; n < d.subcarriers(); n++) {
            for (int i = 0; i < d.users(); i++) {
                for (int b = 0; b < d.stations(); b++) {
                    for (int m = 0; m < d.antennas(); m++) {
                        int k = d.index(n, i, b, m);
                        p[b] += re[k] * re[k] + im[k] * im[k];
                    }
                }
            }
        }
        return p;
    }

    @Property(tries = 300)
    void everyStationWithinItsLimitWhateverTheRawOutput(@ForAll @IntRange(min = 1, max = 5) int stations,
                                                        @ForAll @IntRange(min = 1, max = 4) int antennas,
                                                        @ForAll @IntRange(min = 1, max = 5) int users,
                                                        @ForAll @IntRange(min = 1, max = 4) int subcarriers,
                                                        @ForAll @DoubleRange(min = -8, max = 8) double logScale,
                                                        @ForAll long seed) {
        Dimensions d = new Dimensions(stations, antennas, users, subcarriers);
        Random r = new Random(seed);
        double scale = Math.pow(10, logScale);
        double[] re = new double[d.coefficients()];
        double[] im = new double[d.coefficients()];
        for (int k = 0; k < re.length; k++) {
            re[k] = r.nextInt(5) == 0 ? 0 : scale * r.nextGaussian();
            im[k] = scale * r.nextGaussian();
        }
        double[] limits = new double[stations];
        for (int b = 0; b < stations; b++) {
            limits[b] = Math.pow(10, 4 * r.nextDouble() - 2);
        }
        double[] rawPower = power(re, im, d);
        boolean common = (seed & 1) == 0;
        double[] ratio = PowerProjection.project(re, im, d, limits, common);
        double worst = 0;
        for (int b = 0; b < stations; b++) {
            assertEquals(rawPower[b] / limits[b], ratio[b], 1e-12 * (1 + ratio[b]));
            worst = Math.max(worst, ratio[b]);
        }
        double[] after = power(re, im, d);
        for (int b = 0; b < stations; b++) {
            assertTrue(after[b] <= limits[b], "station " + b + ": " + after[b] + " > " + limits[b]);
            double expected = rawPower[b] / Math.max(1, common ? worst : ratio[b]);
            assertEquals(expected, after[b], 1e-9 * limits[b], "inside the ball unchanged, outside cut to it");
        }
        if (common && worst > 1) {
            assertEquals(1, after[argmax(ratio)] / limits[argmax(ratio)], 1e-9,
                    "the tightest station meets its limit");
        }
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    @Test
    void tensorProjectionEqualsTheJavaOne() {
        Djl.offline();
        Dimensions d = new Dimensions(3, 2, 4, 2);
        Random r = new Random(5);
        int s = 3;
        double[][] re = new double[s][d.coefficients()];
        double[][] im = new double[s][d.coefficients()];
        double[][] limits = new double[s][d.stations()];
        float[] fre = new float[s * d.coefficients()];
        float[] fim = new float[s * d.coefficients()];
        float[] flim = new float[s * d.stations()];
        for (int x = 0; x < s; x++) {
            for (int k = 0; k < d.coefficients(); k++) {
                re[x][k] = (float) (r.nextGaussian() * (x + 0.2));
                im[x][k] = (float) (r.nextGaussian() * (x + 0.2));
                fre[x * d.coefficients() + k] = (float) re[x][k];
                fim[x * d.coefficients() + k] = (float) im[x][k];
            }
            for (int b = 0; b < d.stations(); b++) {
                limits[x][b] = (float) (0.5 + b);
                flim[x * d.stations() + b] = (float) limits[x][b];
            }
        }
        for (boolean common : new boolean[] {false, true}) {
            try (NDManager m = NDManager.newBaseManager()) {
                Shape shape = new Shape(s, d.subcarriers(), d.users(), d.totalAntennas());
                NDArray tre = m.create(fre, shape);
                NDArray tim = m.create(fim, shape);
                NDArray ratio = RateTensors.stationPower(tre, tim, d.stations()).div(m.create(flim, new Shape(s, d.stations())));
                NDArray factors = PowerProjection.factors(ratio, common);
                float[] pre = PowerProjection.apply(tre, factors, d.antennas()).toFloatArray();
                float[] pim = PowerProjection.apply(tim, factors, d.antennas()).toFloatArray();
                float[] rr = ratio.toFloatArray();
                for (int x = 0; x < s; x++) {
                    double[] qre = re[x].clone();
                    double[] qim = im[x].clone();
                    double[] reported = PowerProjection.project(qre, qim, d, limits[x], common);
                    for (int b = 0; b < d.stations(); b++) {
                        assertEquals(reported[b], rr[x * d.stations() + b], 1e-5 * (1 + reported[b]));
                    }
                    for (int k = 0; k < d.coefficients(); k++) {
                        assertEquals(qre[k], pre[x * d.coefficients() + k], 1e-5);
                        assertEquals(qim[k], pim[x * d.coefficients() + k], 1e-5);
                    }
                }
            }
        }
    }
}

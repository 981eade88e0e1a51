package org.mecopt.models.beamforming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mecopt.models.learning.Djl;

/**
 * The tensor SINR against a plain complex-arithmetic loop written here from MODEL.md §5 (an
 * independent reference: no matrix products, no masks), including beams that zero-force, where the
 * interference is far below the signal, and hand values for one user.
 */
class RateTensorsTest {

    /** SINR[n][i] by the textbook formula, in double precision. */
    static double[][] referenceSinr(Dimensions d, double[] hRe, double[] hIm, double[] wRe, double[] wIm) {
        int kk = d.totalAntennas();
        double[][] sinr = new double[d.subcarriers()][d.users()];
        for (int n = 0; n < d.subcarriers(); n++) {
            for (int i = 0; i < d.users(); i++) {
                double signal = 0;
                double interference = 0;
                for (int j = 0; j < d.users(); j++) {
                    double re = 0;
                    double im = 0;
                    for (int k = 0; k < kk; k++) {
                        int h = (n * d.users() + i) * kk + k;
                        int w = (n * d.users() + j) * kk + k;
                        // conj(h) * w = (a - ib)(c + id) = (ac + bd) + i(ad - bc)
                        re += hRe[h] * wRe[w] + hIm[h] * wIm[w];
                        im += hRe[h] * wIm[w] - hIm[h] * wRe[w];
                    }
                    double g = re * re + im * im;
                    if (j == i) {
                        signal = g;
                    } else {
                        interference += g;
                    }
                }
                sinr[n][i] = signal / (interference + 1);
            }
        }
        return sinr;
    }

    @Test
    void oneUserOneAntennaByHand() {
        Djl.offline();
        try (NDManager m = NDManager.newBaseManager()) {
            Shape one = new Shape(1, 1, 1, 1);
            // h = 3 + 4i, w = 0.6 - 0.8i: conj(h) w = (3 - 4i)(0.6 - 0.8i) = 1.8 - 3.2 - 2.4i - 2.4i = -1.4 - 4.8i, |.|² = 25
            NDArray sinr = RateTensors.sinr(m.create(new float[] {3}, one), m.create(new float[] {4}, one),
                    m.create(new float[] {0.6f}, one), m.create(new float[] {-0.8f}, one));
            assertEquals(25, sinr.getFloat(0, 0, 0), 1e-5);
            assertEquals(Math.log(26) / Math.log(2), RateTensors.spectralEfficiency(sinr).getFloat(0, 0), 1e-5);
        }
    }

    @Test
    void equalsTheTextbookFormulaOnRandomAndZeroForcingBeams() {
        Djl.offline();
        Dimensions d = new Dimensions(2, 2, 3, 2);
        int per = d.coefficients();
        Random r = new Random(11);
        int samples = 2;
        double[][] hRe = new double[samples][per];
        double[][] hIm = new double[samples][per];
        double[][] wRe = new double[samples][per];
        double[][] wIm = new double[samples][per];
        for (int s = 0; s < samples; s++) {
            for (int k = 0; k < per; k++) {
                hRe[s][k] = (float) (300 * r.nextGaussian());
                hIm[s][k] = (float) (300 * r.nextGaussian());
                wRe[s][k] = (float) (0.1 * r.nextGaussian());
                wIm[s][k] = (float) (0.1 * r.nextGaussian());
            }
        }
        // sample 1: on subcarrier 0, users 1 and 2 get beams orthogonal to the other users' channels
        // (real channels, nullspace by a cross-product-like construction in 4 real dimensions is not
        // needed: put user 0 on antennas 0-1 only and users 1, 2 on antennas 2-3, channels block-diagonal)
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 4; k++) {
                int idx = i * 4 + k;
                boolean own = (i == 0) == (k < 2);
                if (!own) {
                    hRe[1][idx] = 0;
                    hIm[1][idx] = 0;
                    wRe[1][idx] = 0;
                    wIm[1][idx] = 0;
                }
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            Shape shape = new Shape(samples, d.subcarriers(), d.users(), d.totalAntennas());
            NDList out = RateTensors.rates(create(m, hRe, shape), create(m, hIm, shape), create(m, wRe, shape),
                    create(m, wIm, shape));
            float[] sinr = out.get(0).toFloatArray();
            float[] se = out.get(1).toFloatArray();
            for (int s = 0; s < samples; s++) {
                double[][] ref = referenceSinr(d, hRe[s], hIm[s], wRe[s], wIm[s]);
                for (int i = 0; i < d.users(); i++) {
                    double sum = 0;
                    for (int n = 0; n < d.subcarriers(); n++) {
                        double got = sinr[(s * d.subcarriers() + n) * d.users() + i];
                        assertEquals(ref[n][i], got, 1e-4 * (1 + ref[n][i]), "SINR s=" + s + " n=" + n + " i=" + i);
                        sum += Math.log1p(ref[n][i]) / Math.log(2);
                    }
                    assertEquals(sum, se[s * d.users() + i], 1e-4 * (1 + sum));
                }
            }
        }
    }

    private static NDArray create(NDManager m, double[][] v, Shape shape) {
        float[] flat = new float[v.length * v[0].length];
        for (int s = 0; s < v.length; s++) {
            for (int k = 0; k < v[s].length; k++) {
                flat[s * v[s].length + k] = (float) v[s][k];
            }
        }
        return m.create(flat, shape);
    }
}

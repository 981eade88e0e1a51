package org.mecopt.models.beamforming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mecopt.beamforming.BeamformingGenerator;
import org.mecopt.beamforming.BeamformingInstance;
import org.mecopt.models.learning.Djl;

/**
 * The rzf decoder: with a vanishing regularization its beams zero-force (every user's interference
 * is nulled, checked with the family's evaluator), the powers are the ones asked for, the complex
 * inverse inverts, and the engine's version equals the plain-Java one.
 */
class RzfTest {
    private static final BeamformingGenerator.Config CONFIG = BeamformingGenerator.Config.DEFAULT.withSizes(3, 2, 4, 2);
    private static final Dimensions D = new Dimensions(3, 2, 4, 2);

    private static double[][] channel(BeamformingInstance p) {
        double[] h = p.channel().data();
        double[] re = new double[h.length / 2];
        double[] im = new double[h.length / 2];
        double[] gain = new double[D.subcarriers() * D.users()];
        for (int k = 0; k < re.length; k++) {
            re[k] = h[2 * k];
            im[k] = h[2 * k + 1];
            gain[k / D.totalAntennas()] += (re[k] * re[k] + im[k] * im[k]) / p.noiseW();
        }
        return new double[][] {re, im, gain};
    }

    @Test
    void vanishingRegularizationZeroForcesWithTheRequestedPowers() {
        BeamformingInstance p = BeamformingGenerator.generate(CONFIG, 5);
        double[][] h = channel(p);
        int ni = D.subcarriers() * D.users();
        double[] out = new double[2 * ni];
        Random r = new Random(1);
        for (int k = 0; k < ni; k++) {
            out[k] = r.nextGaussian();
            out[ni + k] = -10; // λ = e^-10 × the MMSE value
        }
        double[] w = Rzf.beams(out, h[0], h[1], h[2], new double[] {1, 1, 1}, D);
        double[] sinr = new double[ni];
        org.mecopt.beamforming.BeamformingEvaluator.sinr(p.channel().data(), w, D.subcarriers(), D.users(),
                D.totalAntennas(), p.noiseW(), sinr);
        for (int k = 0; k < ni; k++) {
            double power = 0;
            for (int a = 0; a < D.totalAntennas(); a++) {
                power += w[2 * (k * D.totalAntennas() + a)] * w[2 * (k * D.totalAntennas() + a)]
                        + w[2 * (k * D.totalAntennas() + a) + 1] * w[2 * (k * D.totalAntennas() + a) + 1];
            }
            double softplus = Math.log1p(Math.exp(out[k]));
            assertEquals(softplus * 3 / (ni * Math.log(2)), power, 1e-9 * power, "the power asked for");
        }
        // zero-forcing: the SINR is the interference-free SNR |h^H w|²/σ² up to the tiny regularization
        for (int n = 0; n < D.subcarriers(); n++) {
            for (int i = 0; i < D.users(); i++) {
                double re = 0;
                double im = 0;
                for (int j = 0; j < D.users(); j++) {
                    if (j == i) {
                        continue;
                    }
                    double sr = 0;
                    double si = 0;
                    for (int a = 0; a < D.totalAntennas(); a++) {
                        int hk = (n * D.users() + i) * D.totalAntennas() + a;
                        int wk = (n * D.users() + j) * D.totalAntennas() + a;
                        sr += h[0][hk] * w[2 * wk] + h[1][hk] * w[2 * wk + 1];
                        si += h[0][hk] * w[2 * wk + 1] - h[1][hk] * w[2 * wk];
                    }
                    re += sr * sr + si * si;
                }
                assertTrue(re / p.noiseW() < 1e-3, "interference of user " + i + " on " + n + ": " + re / p.noiseW()
                        + " of the noise (SINR " + sinr[n * D.users() + i] + ")");
            }
        }
    }

    @Test
    void complexInverseInverts() {
        Random r = new Random(3);
        int u = 5;
        double[][] aRe = new double[u][u];
        double[][] aIm = new double[u][u];
        for (int i = 0; i < u; i++) {
            for (int j = 0; j < u; j++) {
                aRe[i][j] = r.nextGaussian();
                aIm[i][j] = r.nextGaussian();
            }
        }
        double[][] re = new double[u][];
        double[][] im = new double[u][];
        for (int i = 0; i < u; i++) {
            re[i] = aRe[i].clone();
            im[i] = aIm[i].clone();
        }
        double[][][] inv = Rzf.ComplexInverse.of(re, im);
        for (int i = 0; i < u; i++) {
            for (int j = 0; j < u; j++) {
                double sr = 0;
                double si = 0;
                for (int k = 0; k < u; k++) {
                    sr += aRe[i][k] * inv[0][k][j] - aIm[i][k] * inv[1][k][j];
                    si += aRe[i][k] * inv[1][k][j] + aIm[i][k] * inv[0][k][j];
                }
                assertEquals(i == j ? 1 : 0, sr, 1e-10);
                assertEquals(0, si, 1e-10);
            }
        }
    }

    @Test
    void engineEqualsPlainJava() {
        Djl.offline();
        List<BeamformingInstance> instances = List.of(BeamformingGenerator.generate(CONFIG, 8),
                BeamformingGenerator.generate(CONFIG, 9));
        int ni = D.subcarriers() * D.users();
        Random r = new Random(2);
        float[] out = new float[instances.size() * 2 * ni];
        for (int k = 0; k < out.length; k++) {
            out[k] = (float) r.nextGaussian();
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDList c = BeamformingBatch.context(m, instances.stream().map(BeamformingSamples::of).toList());
            NDArray[] w = Rzf.beams(m.create(out, new Shape(instances.size(), 2 * ni)), BeamformingBatch.channelRe(c),
                    BeamformingBatch.channelIm(c), BeamformingBatch.maxPower(c), D);
            float[] re = w[0].toFloatArray();
            float[] im = w[1].toFloatArray();
            for (int s = 0; s < instances.size(); s++) {
                double[][] h = channel(instances.get(s));
                double[] o = new double[2 * ni];
                for (int k = 0; k < o.length; k++) {
                    o[k] = out[s * 2 * ni + k];
                }
                double[] java = Rzf.beams(o, h[0], h[1], h[2], new double[] {1, 1, 1}, D);
                for (int k = 0; k < D.coefficients(); k++) {
                    assertEquals(java[2 * k], re[s * D.coefficients() + k], 2e-4 * (1 + Math.abs(java[2 * k])));
                    assertEquals(java[2 * k + 1], im[s * D.coefficients() + k], 2e-4 * (1 + Math.abs(java[2 * k + 1])));
                }
            }
        }
    }

    /**
     * associated-rzf: every (n, i) is served by exactly one station, the one with the largest
     * {@code ‖h_{n,i,b}‖²} (checked against a direct comparison), the engine's association equals the
     * Java one, and a station's local beams carry power only on its served pairs, its whole budget
     * at zero outputs, the same on the engine as in Java.
     */
    @Test
    void associatedDecoderServesOnlyTheStrongestStationsUsers() {
        Djl.offline();
        BeamformingArchitecture arch = new BeamformingArchitecture(Method.DMTSSL, D, new int[] {4}, Decoder.ASSOCIATED);
        Dimensions local = arch.local();
        List<BeamformingInstance> instances = List.of(BeamformingGenerator.generate(CONFIG, 11),
                BeamformingGenerator.generate(CONFIG, 12));
        int ni = D.subcarriers() * D.users();
        Random r = new Random(3);
        try (NDManager m = NDManager.newBaseManager()) {
            NDList c = BeamformingBatch.context(m, instances.stream().map(BeamformingSamples::of).toList());
            NDArray hRe = BeamformingBatch.channelRe(c);
            NDArray hIm = BeamformingBatch.channelIm(c);
            float[] engine = arch.strongestStation(hRe, hIm).toFloatArray(); // (S, N, I, B)
            for (int s = 0; s < instances.size(); s++) {
                BeamformingInstance p = instances.get(s);
                double[] h = p.channel().data();
                boolean[][] served = arch.strongestStation(h);
                for (int k = 0; k < ni; k++) {
                    int count = 0;
                    for (int b = 0; b < D.stations(); b++) {
                        double gain = 0;
                        double other = 0;
                        for (int q = 0; q < D.stations(); q++) {
                            double g = 0;
                            for (int a = 0; a < D.antennas(); a++) {
                                int idx = D.index(k / D.users(), k % D.users(), q, a);
                                g += h[2 * idx] * h[2 * idx] + h[2 * idx + 1] * h[2 * idx + 1];
                            }
                            if (q == b) {
                                gain = g;
                            } else {
                                other = Math.max(other, g);
                            }
                        }
                        assertEquals(gain > other, served[b][k]);
                        assertEquals(served[b][k] ? 1f : 0f, engine[(s * ni + k) * D.stations() + b]);
                        count += served[b][k] ? 1 : 0;
                    }
                    assertEquals(1, count, "one serving station per (n, i)");
                }
                for (int b = 0; b < D.stations(); b++) {
                    double[] re = new double[local.coefficients()];
                    double[] im = new double[local.coefficients()];
                    double[] gain = new double[ni];
                    for (int k = 0; k < local.coefficients(); k++) {
                        int n = k / (D.users() * D.antennas());
                        int i = (k / D.antennas()) % D.users();
                        int from = D.index(n, i, b, k % D.antennas());
                        re[k] = h[2 * from];
                        im[k] = h[2 * from + 1];
                        gain[n * D.users() + i] += (re[k] * re[k] + im[k] * im[k]) / p.noiseW();
                    }
                    double limit = p.stations().get(b).maxPowerW();
                    double[] zero = Rzf.beams(new double[2 * ni], re, im, gain, new double[] {limit}, served[b], local);
                    double total = 0;
                    for (int k = 0; k < local.coefficients(); k++) {
                        double pk = zero[2 * k] * zero[2 * k] + zero[2 * k + 1] * zero[2 * k + 1];
                        if (!served[b][k / D.antennas()]) {
                            assertEquals(0, pk, "no power to a user station " + b + " does not serve");
                        }
                        total += pk;
                    }
                    boolean any = false;
                    for (boolean v : served[b]) {
                        any |= v;
                    }
                    assertEquals(any ? limit : 0, total, 1e-9 * limit, "the whole budget over the served pairs");
                    float[] out = new float[2 * ni];
                    double[] o = new double[2 * ni];
                    for (int k = 0; k < out.length; k++) {
                        out[k] = (float) r.nextGaussian();
                        o[k] = out[k];
                    }
                    double[] java = Rzf.beams(o, re, im, gain, new double[] {limit}, served[b], local);
                    String antennas = "..., " + b * D.antennas() + ":" + (b + 1) * D.antennas();
                    String one = s + ":" + (s + 1);
                    NDArray[] w = Rzf.beams(m.create(out, new Shape(1, 2 * ni)), hRe.get(one).get(antennas),
                            hIm.get(one).get(antennas), BeamformingBatch.maxPower(c).get(one + ", " + b + ":" + (b + 1)),
                            arch.strongestStation(hRe, hIm).get(one).get("..., " + b), local);
                    float[] wr = w[0].toFloatArray();
                    float[] wi = w[1].toFloatArray();
                    for (int k = 0; k < local.coefficients(); k++) {
                        assertEquals(java[2 * k], wr[k], 2e-4 * (1 + Math.abs(java[2 * k])));
                        assertEquals(java[2 * k + 1], wi[k], 2e-4 * (1 + Math.abs(java[2 * k + 1])));
                    }
                }
            }
        }
    }
}

package org.mecopt.beamforming;

import java.util.ArrayList;
import java.util.List;

/**
 * The rate and constraint arithmetic of {@link BeamformingInstance} on flat arrays in
 * {@link ComplexTensor}'s layout, so that solvers and learned models evaluate beams without building
 * objects. One pass per subcarrier forms every {@code s_{n,i,j} = h_{n,i}^H w_{n,j}} over the stacked
 * network-wide vectors (length A): {@code O(N I² A)}.
 */
public final class BeamformingEvaluator {
    private static final double LN2 = Math.log(2);

    private BeamformingEvaluator() {
    }

    /**
     * {@code SINR_{n,i}} into {@code out[n·I + i]} for flat channel {@code h} and beams {@code w} (both
     * {@code 2·N·I·A} doubles), noise {@code noiseW}. A user with a zero beam gets SINR 0.
     */
    public static void sinr(double[] h, double[] w, int subcarriers, int users, int antennas, double noiseW,
                            double[] out) {
        int stride = 2 * antennas;
        double[] gain = new double[users];
        for (int n = 0; n < subcarriers; n++) {
            int base = n * users * stride;
            for (int i = 0; i < users; i++) {
                int hi = base + i * stride;
                for (int j = 0; j < users; j++) {
                    int wj = base + j * stride;
                    double re = 0;
                    double im = 0;
                    for (int a = 0; a < stride; a += 2) {
                        double hr = h[hi + a];
                        double hm = h[hi + a + 1];
                        double wr = w[wj + a];
                        double wm = w[wj + a + 1];
                        re += hr * wr + hm * wm; // conj(h) w
                        im += hr * wm - hm * wr;
                    }
                    gain[j] = re * re + im * im;
                }
                double interference = noiseW;
                for (int j = 0; j < users; j++) {
                    if (j != i) {
                        interference += gain[j];
                    }
                }
                out[n * users + i] = gain[i] / interference;
            }
        }
    }

    /** Each user's rate {@code r_i} in bit/s for flat beams {@code w}. */
    public static double[] rates(BeamformingInstance p, double[] w) {
        int n = p.subcarrierCount();
        int users = p.userCount();
        double[] s = new double[n * users];
        sinr(p.channel().raw(), w, n, users, p.totalAntennas(), p.noiseW(), s);
        return rates(s, n, users, p.subcarrierBandwidthHz());
    }

    /** {@code r_i = W_sc Σ_n log2(1 + SINR_{n,i})} from flat SINRs. */
    public static double[] rates(double[] sinr, int subcarriers, int users, double bandwidthHz) {
        double[] r = new double[users];
        for (int n = 0; n < subcarriers; n++) {
            for (int i = 0; i < users; i++) {
                r[i] += Math.log1p(sinr[n * users + i]);
            }
        }
        for (int i = 0; i < users; i++) {
            r[i] *= bandwidthHz / LN2;
        }
        return r;
    }

    /** {@code Σ_i α_i r_i}. */
    public static double weightedSumRate(BeamformingInstance p, double[] rateBps) {
        double sum = 0;
        for (int i = 0; i < rateBps.length; i++) {
            sum += p.users().get(i).weight() * rateBps[i];
        }
        return sum;
    }

    /** {@code Σ_{n,i} ‖w_{n,i,b}‖²} per station b of flat beams shaped like {@code shape}. */
    public static double[] stationPower(ComplexTensor shape, double[] w) {
        double[] power = new double[shape.stations()];
        int a = shape.totalAntennas();
        for (int ni = 0; ni < shape.subcarriers() * shape.users(); ni++) {
            for (int b = 0; b < power.length; b++) {
                int from = (ni * a + shape.offset(b)) * 2;
                int to = from + 2 * shape.antennas(b);
                double sum = 0;
                for (int k = from; k < to; k++) {
                    sum += w[k] * w[k];
                }
                power[b] += sum;
            }
        }
        return power;
    }

    /** Whether some {@code w_{n,i,b}} is not zero, at {@code [n·I + i]}. */
    public static boolean[] scheduled(ComplexTensor shape, double[] w) {
        int users = shape.users();
        int stride = 2 * shape.totalAntennas();
        boolean[] out = new boolean[shape.subcarriers() * users];
        for (int ni = 0; ni < out.length; ni++) {
            for (int k = ni * stride; k < (ni + 1) * stride; k++) {
                if (w[k] != 0) {
                    out[ni] = true;
                    break;
                }
            }
        }
        return out;
    }

    static BeamformingEvaluation evaluate(BeamformingInstance p, double[] w) {
        ComplexTensor h = p.channel();
        int subcarriers = h.subcarriers();
        int users = h.users();
        double[] s = new double[subcarriers * users];
        sinr(h.raw(), w, subcarriers, users, h.totalAntennas(), p.noiseW(), s);
        double[] rate = rates(s, subcarriers, users, p.subcarrierBandwidthHz());
        double[] power = stationPower(h, w);
        boolean[] on = scheduled(h, w);
        int[] count = new int[subcarriers];
        for (int ni = 0; ni < on.length; ni++) {
            if (on[ni]) {
                count[ni / users]++;
            }
        }
        List<String> violations = new ArrayList<>();
        for (int b = 0; b < power.length; b++) {
            double max = p.stations().get(b).maxPowerW();
            if (!(power[b] <= max * (1 + BeamformingInstance.TOLERANCE))) {
                violations.add("station " + b + " radiates " + power[b] + " W > maxPowerW " + max);
            }
        }
        for (int n = 0; n < subcarriers; n++) {
            if (count[n] > p.maxUsersPerSubcarrier()) {
                violations.add("subcarrier " + n + " serves " + count[n] + " users > maxUsersPerSubcarrier "
                        + p.maxUsersPerSubcarrier());
            }
        }
        for (int i = 0; i < users; i++) {
            if (p.belowMinimum(i, rate[i])) {
                violations.add("user " + i + " gets " + rate[i] + " bit/s < minRateBps " + p.users().get(i).minRateBps());
            }
        }
        return new BeamformingEvaluation(s, rate, weightedSumRate(p, rate), power, on, count, violations);
    }
}

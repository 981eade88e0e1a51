package org.mecopt.models.beamforming;

/**
 * One instance as the learners see it: the channel divided by the noise amplitude σ (so the noise
 * power is 1), float32, in the layout of {@link Dimensions#index}; and the constants of its loss.
 *
 * @param re real parts of {@code h/σ}
 * @param im imaginary parts
 * @param maxPowerW per station
 * @param weights α_i
 * @param minSpectralEfficiency {@code r_i^min / W_sc}, bit/s/Hz summed over subcarriers
 * @param bound {@code U}, an upper bound on {@code Σ_i α_i r_i / W_sc} that normalizes the objective
 *     ({@link #interferenceFreeBound}, {@link BeamformingLoss})
 */
public record BeamformingSample(Dimensions dimensions, float[] re, float[] im, double[] maxPowerW, double[] weights,
                                double[] minSpectralEfficiency, double bound) {

    /**
     * From raw arrays: the channel (in the layout of {@link Dimensions#index}) in its physical units
     * and the noise power per subcarrier.
     */
    public static BeamformingSample of(Dimensions d, double[] channelRe, double[] channelIm, double noiseW,
                                       double[] maxPowerW, double[] weights, double[] minRateBps, double bandwidthHz) {
        return of(d, channelRe, channelIm, noiseW, maxPowerW, weights, minRateBps, bandwidthHz, true);
    }

    /** {@link #of}, the bound left NaN unless {@code withBound} (inference needs only the channel). */
    static BeamformingSample of(Dimensions d, double[] channelRe, double[] channelIm, double noiseW, double[] maxPowerW,
                                double[] weights, double[] minRateBps, double bandwidthHz, boolean withBound) {
        double amplitude = Math.sqrt(noiseW);
        float[] re = new float[channelRe.length];
        float[] im = new float[channelIm.length];
        for (int k = 0; k < re.length; k++) {
            re[k] = (float) (channelRe[k] / amplitude);
            im[k] = (float) (channelIm[k] / amplitude);
        }
        double[] minSe = new double[d.users()];
        for (int i = 0; i < minSe.length; i++) {
            minSe[i] = minRateBps[i] / bandwidthHz;
        }
        if (!withBound) {
            return new BeamformingSample(d, re, im, maxPowerW.clone(), weights.clone(), minSe, Double.NaN);
        }
        double[] gain = new double[d.subcarriers() * d.users()];
        double[] weightOf = new double[gain.length];
        for (int n = 0; n < d.subcarriers(); n++) {
            for (int i = 0; i < d.users(); i++) {
                for (int k = d.index(n, i, 0, 0), end = k + d.totalAntennas(); k < end; k++) {
                    gain[n * d.users() + i] += (channelRe[k] * channelRe[k] + channelIm[k] * channelIm[k]) / noiseW;
                }
                weightOf[n * d.users() + i] = weights[i];
            }
        }
        double bound = interferenceFreeBound(gain, weightOf, java.util.Arrays.stream(maxPowerW).sum());
        return new BeamformingSample(d, re, im, maxPowerW.clone(), weights.clone(), minSe, bound);
    }

    /**
     * {@code max Σ_k α_k log2(1 + p_k g_k)} over {@code p ≥ 0, Σ_k p_k ≤ P} (weighted water-filling,
     * {@code p_k = max(0, α_k λ − 1/g_k)} with the level λ found by bisection), where k runs over the
     * (n, i) pairs, {@code g_{n,i} = ‖h_{n,i}‖²/σ²} over all stations' antennas and P = Σ_b P_b^max.
     * An upper bound on the weighted sum rate (per W_sc) of any feasible beams: by Cauchy–Schwarz
     * {@code SINR_{n,i} ≤ ‖h_{n,i}‖² ‖w_{n,i}‖²/σ²} (interference only lowers it), and the powers
     * {@code ‖w_{n,i}‖²} sum to at most Σ_b P_b^max (the stations' limits pooled). It is tight
     * enough that the objective task {@code 1 − WSR/U} keeps a useful gradient under the
     * uncertainty weighting, which turns each task into its logarithm at equilibrium.
     */
    static double interferenceFreeBound(double[] gain, double[] weight, double totalPower) {
        if (java.util.Arrays.stream(gain).noneMatch(g -> g > 0) || !(totalPower > 0)) {
            return 0;
        }
        double lo = 0;
        double hi = 1;
        while (used(gain, weight, hi) < totalPower) {
            hi *= 2;
        }
        for (int it = 0; it < 200 && hi - lo > 1e-15 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (used(gain, weight, mid) < totalPower) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double sum = 0;
        for (int k = 0; k < gain.length; k++) {
            double p = gain[k] > 0 ? Math.max(0, weight[k] * hi - 1 / gain[k]) : 0;
            sum += weight[k] * Math.log1p(p * gain[k]) / Math.log(2);
        }
        return sum;
    }

    private static double used(double[] gain, double[] weight, double level) {
        double sum = 0;
        for (int k = 0; k < gain.length; k++) {
            if (gain[k] > 0) {
                sum += Math.max(0, weight[k] * level - 1 / gain[k]);
            }
        }
        return sum;
    }
}

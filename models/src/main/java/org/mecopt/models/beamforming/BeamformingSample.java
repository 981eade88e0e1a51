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
 * @param bound {@code U = Σ_i α_i Σ_n log2(1 + Σ_b P_b^max ‖h_{n,i,b}‖²/σ²)}, the upper bound on
 *     {@code Σ_i α_i r_i / W_sc} that normalizes the objective ({@link BeamformingLoss})
 */
public record BeamformingSample(Dimensions dimensions, float[] re, float[] im, double[] maxPowerW, double[] weights,
                                double[] minSpectralEfficiency, double bound) {

    /**
     * From raw arrays: the channel (in the layout of {@link Dimensions#index}) in its physical units
     * and the noise power per subcarrier.
     */
    public static BeamformingSample of(Dimensions d, double[] channelRe, double[] channelIm, double noiseW,
                                       double[] maxPowerW, double[] weights, double[] minRateBps, double bandwidthHz) {
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
        double bound = 0;
        for (int n = 0; n < d.subcarriers(); n++) {
            for (int i = 0; i < d.users(); i++) {
                double snr = 0;
                for (int b = 0; b < d.stations(); b++) {
                    double gain = 0;
                    for (int m = 0; m < d.antennas(); m++) {
                        int k = d.index(n, i, b, m);
                        gain += (channelRe[k] * channelRe[k] + channelIm[k] * channelIm[k]) / noiseW;
                    }
                    snr += maxPowerW[b] * gain;
                }
                bound += weights[i] * Math.log1p(snr) / Math.log(2);
            }
        }
        return new BeamformingSample(d, re, im, maxPowerW.clone(), weights.clone(), minSe, bound);
    }
}

package org.mecopt.models.beamforming;

import org.mecopt.models.learning.Standardization;

/**
 * The network's input: each channel coefficient divided by σ, its magnitude compressed to
 * {@code ln(1 + |g|)} with its phase kept, {@code g·ln(1 + |g|)/|g|}, then standardized. Why: the
 * large-scale gains of one instance span some 60 dB (|g| from ~1 to ~1e4), which raw coefficients
 * would hand to the first layer as a few huge inputs and many near zero; the logarithm keeps the
 * order of magnitude (the SNR the power allocation depends on) at a scale a dense layer can use.
 *
 * <p>Central layout: the coefficients in {@link Dimensions#index} order, real and imaginary parts
 * interleaved (2·N·I·K). Per-station layout: station b's block of 2·N·I·M values, its coefficients in
 * (n, i, m) order, interleaved; the blocks in station order.
 */
public final class ChannelFeatures {
    private ChannelFeatures() {
    }

    /** The compressed coefficients (before standardization), central layout. */
    public static double[] compressed(BeamformingSample s) {
        float[] re = s.re();
        float[] im = s.im();
        double[] out = new double[2 * re.length];
        for (int k = 0; k < re.length; k++) {
            double mag = Math.sqrt((double) re[k] * re[k] + (double) im[k] * im[k]); // |g| ≤ ~1e5: no overflow, unlike hypot's care
            double f = mag > 0 ? Math.log1p(mag) / mag : 0;
            out[2 * k] = re[k] * f;
            out[2 * k + 1] = im[k] * f;
        }
        return out;
    }

    /** The network input for {@code method}'s layout. */
    public static float[] encode(BeamformingSample s, Standardization z, boolean perStation) {
        double[] c = compressed(s);
        float[] central = z.apply(c);
        if (!perStation) {
            return central;
        }
        Dimensions d = s.dimensions();
        float[] out = new float[central.length];
        int local = 2 * d.localCoefficients();
        for (int n = 0; n < d.subcarriers(); n++) {
            for (int i = 0; i < d.users(); i++) {
                for (int b = 0; b < d.stations(); b++) {
                    for (int m = 0; m < d.antennas(); m++) {
                        int from = 2 * d.index(n, i, b, m);
                        int to = b * local + 2 * ((n * d.users() + i) * d.antennas() + m);
                        out[to] = central[from];
                        out[to + 1] = central[from + 1];
                    }
                }
            }
        }
        return out;
    }
}

package org.mecopt.channel;

/**
 * Channel coefficients {@code h[n][k][l]} (subcarrier, user, receive antenna), complex, stored as
 * real and imaginary parts. Immutable: the arrays are never handed out.
 */
public final class ChannelRealization {
    private final double[][][] re;
    private final double[][][] im;

    ChannelRealization(double[][][] re, double[][][] im) {
        this.re = re;
        this.im = im;
    }

    public int subcarriers() {
        return re.length;
    }

    public int users() {
        return re[0].length;
    }

    public int antennas() {
        return re[0][0].length;
    }

    public double real(int n, int k, int l) {
        return re[n][k][l];
    }

    public double imaginary(int n, int k, int l) {
        return im[n][k][l];
    }

    /** {@code |h[n][k][l]|}, the features seed 001's CNN learns from. */
    public double[][][] magnitudes() {
        double[][][] out = new double[subcarriers()][users()][antennas()];
        for (int n = 0; n < out.length; n++) {
            for (int k = 0; k < out[n].length; k++) {
                for (int l = 0; l < out[n][k].length; l++) {
                    out[n][k][l] = Math.hypot(re[n][k][l], im[n][k][l]);
                }
            }
        }
        return out;
    }
}

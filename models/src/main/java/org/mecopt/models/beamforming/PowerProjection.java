package org.mecopt.models.beamforming;

import ai.djl.ndarray.NDArray;

/**
 * Beams that meet every station's power limit by construction. The network's raw beam output
 * {@code r} is dimensionless; station b's beams are {@code w_b = √P_b^max · r_b / max(1, ‖r_b‖)},
 * where {@code r_b} is everything station b sends (all subcarriers, users and its antennas). This is
 * the Euclidean projection of {@code √P_b^max · r_b} onto the ball {@code ‖w_b‖² ≤ P_b^max}: inside
 * it nothing changes (the network chooses the power level), outside it the direction is kept and
 * the norm is cut to the limit. In double precision the result is scaled by a further
 * {@code 1 − 1e-12} so that rounding can never leave a station a few ulps over its limit.
 */
public final class PowerProjection {
    /** The margin that keeps rounding inside the limit. */
    static final double MARGIN = 1 - 1e-12;

    private PowerProjection() {
    }

    /**
     * Projects raw beams in place and returns each station's raw power {@code ‖r_b‖²} (the
     * network's own, before projection, which the power tasks score).
     *
     * @param re real parts, in the layout of {@link Dimensions#index}
     * @param im imaginary parts
     * @param maxPowerW per station
     */
    public static double[] project(double[] re, double[] im, Dimensions d, double[] maxPowerW) {
        int stations = d.stations();
        int m = d.antennas();
        double[] raw = new double[stations];
        for (int base = 0; base < re.length; base += stations * m) {
            for (int b = 0; b < stations; b++) {
                for (int k = base + b * m, end = k + m; k < end; k++) {
                    raw[b] += re[k] * re[k] + im[k] * im[k];
                }
            }
        }
        double[] scale = new double[stations];
        for (int b = 0; b < stations; b++) {
            scale[b] = Math.sqrt(maxPowerW[b]) / Math.max(1, Math.sqrt(raw[b])) * MARGIN;
        }
        for (int base = 0; base < re.length; base += stations * m) {
            for (int b = 0; b < stations; b++) {
                for (int k = base + b * m, end = k + m; k < end; k++) {
                    re[k] *= scale[b];
                    im[k] *= scale[b];
                }
            }
        }
        return raw;
    }

    /**
     * The per-station factors {@code √P_b^max / max(1, ‖r_b‖)}, (S, B), for raw beams (S, N, I, B·M)
     * given their raw powers (S, B) ({@link RateTensors#stationPower}) and the limits (S, B).
     */
    public static NDArray scales(NDArray rawPower, NDArray maxPowerW) {
        // sqrt(max(1, P)) rather than max(1, sqrt(P)): the same value, and a finite gradient at P = 0
        return maxPowerW.sqrt().div(rawPower.maximum(1f).sqrt());
    }

    /** Multiplies beams (S, N, I, B·M) by their station's factor (S, B). */
    public static NDArray apply(NDArray beams, NDArray scales, int antennas) {
        long s = beams.getShape().get(0);
        long stations = scales.getShape().get(1);
        NDArray perAntenna = scales.reshape(s, stations, 1).repeat(2, antennas).reshape(s, 1, 1, stations * antennas);
        return beams.mul(perAntenna);
    }
}

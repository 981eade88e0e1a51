package org.mecopt.models.beamforming;

import ai.djl.ndarray.NDArray;

/**
 * Beams that meet every station's power limit by construction. Given raw beams in √W, with station
 * b's raw power {@code P_b} (all subcarriers, users and its antennas) and ratio
 * {@code ρ_b = P_b/P_b^max}:
 * <ul>
 * <li>per station (the direct decoder): station b's beams are multiplied by
 *     {@code 1/√max(1, ρ_b)} — the Euclidean projection of each station's beams onto its ball
 *     {@code ‖w_b‖² ≤ P_b^max}: inside it nothing changes (the network chooses the power level),
 *     outside it the direction is kept and the norm cut to the limit;</li>
 * <li>common (the rzf decoder): every beam is multiplied by {@code 1/√max(1, max_b ρ_b)}, so that
 *     the tightest station meets its limit and the others stay below theirs. A network-wide
 *     zero-forcing beam spans all stations' antennas; scaling its parts differently would undo
 *     the nulling, scaling it as a whole keeps it.</li>
 * </ul>
 * In double precision the factor is multiplied by a further {@code 1 − 1e-12}, so that rounding
 * never leaves a station a few ulps over its limit.
 */
public final class PowerProjection {
    /** The margin that keeps rounding inside the limit. */
    static final double MARGIN = 1 - 1e-12;

    private PowerProjection() {
    }

    /**
     * Projects raw beams (in √W) in place and returns each station's ratio {@code ρ_b = P_b/P_b^max}
     * before the projection (what the power tasks score).
     *
     * @param re real parts, in the layout of {@link Dimensions#index}
     * @param im imaginary parts
     * @param maxPowerW per station
     * @param common one factor for all stations (rzf) instead of one per station
     */
    public static double[] project(double[] re, double[] im, Dimensions d, double[] maxPowerW, boolean common) {
        int stations = d.stations();
        int m = d.antennas();
        double[] ratio = new double[stations];
        for (int base = 0; base < re.length; base += stations * m) {
            for (int b = 0; b < stations; b++) {
                for (int k = base + b * m, end = k + m; k < end; k++) {
                    ratio[b] += re[k] * re[k] + im[k] * im[k];
                }
            }
        }
        double worst = 0;
        for (int b = 0; b < stations; b++) {
            ratio[b] /= maxPowerW[b];
            worst = Math.max(worst, ratio[b]);
        }
        double[] scale = new double[stations];
        for (int b = 0; b < stations; b++) {
            scale[b] = MARGIN / Math.sqrt(Math.max(1, common ? worst : ratio[b]));
        }
        for (int base = 0; base < re.length; base += stations * m) {
            for (int b = 0; b < stations; b++) {
                for (int k = base + b * m, end = k + m; k < end; k++) {
                    re[k] *= scale[b];
                    im[k] *= scale[b];
                }
            }
        }
        return ratio;
    }

    /** The factors, (S, B), for the ratios {@code ρ}, (S, B). */
    public static NDArray factors(NDArray ratio, boolean common) {
        NDArray r = common ? ratio.max(new int[] {1}, true).broadcast(ratio.getShape()) : ratio;
        // 1/sqrt(max(1, ρ)): a finite gradient at ρ = 0
        return r.maximum(1f).sqrt().pow(-1f);
    }

    /** Multiplies beams (S, N, I, B·M) by their station's factor (S, B). */
    public static NDArray apply(NDArray beams, NDArray factors, int antennas) {
        long s = beams.getShape().get(0);
        long stations = factors.getShape().get(1);
        NDArray perAntenna = factors.reshape(s, stations, 1).repeat(2, antennas).reshape(s, 1, 1, stations * antennas);
        return beams.mul(perAntenna);
    }
}

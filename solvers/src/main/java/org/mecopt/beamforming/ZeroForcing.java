package org.mecopt.beamforming;

import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;

/**
 * Zero-forcing directions over the stacked network-wide channel (MODEL.md §5's baselines): for the
 * users S scheduled on subcarrier n, {@code W = H_S^H (H_S H_S^H)^{-1}} with {@code H_S} the
 * {@code |S| × A} matrix of rows {@code h_{n,i}^H}, each column normalized to unit norm. EJML's
 * complex dense matrices do the algebra (a handful of small inversions per subcarrier).
 */
final class ZeroForcing {
    /** Relative pivot below which {@code H_S H_S^H} counts as singular (users with dependent channels). */
    private static final double SINGULAR = 1e-10;

    private ZeroForcing() {
    }

    /**
     * The unit-norm ZF directions of {@code users} on subcarrier n as flat vectors of length
     * {@code 2A} ({@code [k][2a + re|im]}), or null when the users' channels are (numerically)
     * linearly dependent, including {@code |S| > A}.
     */
    static double[][] directions(BeamformingInstance p, int n, int[] users) {
        int s = users.length;
        int a = p.totalAntennas();
        if (s == 0) {
            return new double[0][];
        }
        if (s > a) {
            return null;
        }
        double[] h = p.channel().raw();
        int stride = 2 * a;
        ZMatrixRMaj hs = new ZMatrixRMaj(s, a);
        for (int r = 0; r < s; r++) {
            int base = (n * p.userCount() + users[r]) * stride;
            for (int c = 0; c < a; c++) {
                hs.set(r, c, h[base + 2 * c], -h[base + 2 * c + 1]); // row h^H
            }
        }
        ZMatrixRMaj hsH = CommonOps_ZDRM.transposeConjugate(hs, null);
        ZMatrixRMaj gram = new ZMatrixRMaj(s, s);
        CommonOps_ZDRM.mult(hs, hsH, gram);
        double largest = 0;
        for (int r = 0; r < s; r++) {
            largest = Math.max(largest, gram.getReal(r, r));
        }
        if (largest == 0) {
            return null;
        }
        CommonOps_ZDRM.scale(1 / largest, 0, gram); // scale-free singularity test
        ZMatrixRMaj inverse = new ZMatrixRMaj(s, s);
        if (!CommonOps_ZDRM.invert(gram, inverse)) {
            return null;
        }
        CommonOps_ZDRM.scale(1 / largest, 0, inverse);
        ZMatrixRMaj w = new ZMatrixRMaj(a, s);
        CommonOps_ZDRM.mult(hsH, inverse, w);
        // verify H_S W ≈ I: an ill-conditioned Gram matrix inverts "successfully" into garbage
        ZMatrixRMaj check = new ZMatrixRMaj(s, s);
        CommonOps_ZDRM.mult(hs, w, check);
        Complex_F64 z = new Complex_F64();
        for (int r = 0; r < s; r++) {
            for (int c = 0; c < s; c++) {
                check.get(r, c, z);
                double expected = r == c ? 1 : 0;
                if (!(Math.hypot(z.real - expected, z.imaginary) <= 1e6 * SINGULAR)) {
                    return null;
                }
            }
        }
        double[][] out = new double[s][stride];
        for (int k = 0; k < s; k++) {
            double norm = 0;
            for (int r = 0; r < a; r++) {
                w.get(r, k, z);
                out[k][2 * r] = z.real;
                out[k][2 * r + 1] = z.imaginary;
                norm += z.real * z.real + z.imaginary * z.imaginary;
            }
            double f = 1 / Math.sqrt(norm);
            for (int r = 0; r < stride; r++) {
                out[k][r] *= f;
            }
        }
        return out;
    }

    /**
     * Beams from unit directions with one common power per beam, the largest at which every station
     * meets its limit: {@code p = min_b P_b / Σ_{n,i} ‖ŵ_{n,i,b}‖²} (the tightest station binds).
     *
     * @param directions flat unit directions in {@link ComplexTensor}'s layout (zero where unscheduled)
     */
    static double[] equalPower(BeamformingInstance p, double[] directions) {
        double[] load = BeamformingEvaluator.stationPower(p.channel(), directions);
        double power = Double.POSITIVE_INFINITY;
        for (int b = 0; b < load.length; b++) {
            if (load[b] > 0) {
                power = Math.min(power, p.stations().get(b).maxPowerW() / load[b]);
            }
        }
        double[] beams = directions.clone();
        if (Double.isFinite(power)) {
            double f = Math.sqrt(power);
            for (int k = 0; k < beams.length; k++) {
                beams[k] *= f;
            }
        }
        return beams;
    }

    /** Writes direction {@code d} of user i on subcarrier n into flat {@code out}. */
    static void place(BeamformingInstance p, double[] out, int n, int i, double[] d) {
        System.arraycopy(d, 0, out, (n * p.userCount() + i) * 2 * p.totalAntennas(), d.length);
    }
}

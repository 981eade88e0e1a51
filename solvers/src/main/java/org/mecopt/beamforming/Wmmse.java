package org.mecopt.beamforming;

import java.util.Arrays;

/**
 * The iteration of multi-carrier WMMSE (Shi, Razaviyayn, Luo, He 2011) for joint transmission, on
 * one instance, with preallocated workspace. The channel is divided by {@code σ}, so the noise is 1
 * and the arithmetic is well scaled whatever the path loss; beams stay in √W.
 *
 * <p>One iteration is block-coordinate descent on the WMMSE surrogate {@code Σ_{n,i} α̃_i (v e − log v)}
 * over the blocks (receivers u and MSE weights v, then the beams of station 1, …, station B): for
 * fixed u, v the beams of station b alone solve {@code min Σ_{n,j} x^H A_n^{bb} x − 2 Re(r_{n,j}^H x)
 * s.t. Σ_{n,j} ‖x_{n,j}‖² ≤ P_b} with {@code A_n^{bb} = Σ_i α̃_i v_{n,i} |u_{n,i}|² h_{n,i,b} h_{n,i,b}^H}
 * and {@code r} the linear term net of the other stations' beams. Its exact solution is
 * {@code x = (A_n^{bb} + μ_b I)^{-1} r} with the one multiplier μ_b ≥ 0 found by bisection on the
 * monotone power {@code Σ_{n,k} d_{n,k} / (λ_{n,k} + μ)²} (eigenvalues of {@code A_n^{bb}}, by
 * {@link HermitianJacobi}). Splitting
 * the beams into per-station blocks is what makes one scalar multiplier per station exact under
 * joint transmission, where a joint update would need a B-dimensional multiplier search; each block
 * is solved exactly and the power constraints are separable across blocks, so the surrogate never
 * increases and the weighted sum rate (for fixed weights) never decreases (the block-coordinate
 * argument of Shi et al. 2011).
 *
 * <p>Users may be masked off a subcarrier (their beams stay 0), which is how scheduling is imposed.
 * Effective weights {@code α̃_i = α_i (1 + λ_i)} carry the minimum-rate duals the solver updates.
 */
final class Wmmse {
    final BeamformingInstance instance;
    final int subcarriers;
    final int users;
    final int stations;
    final int antennas;
    final int stride;
    final double bandwidthHz;
    final double[] h;
    final double[] w;
    final boolean[] active;
    final double[] weight;
    final double[] effectiveWeight;
    /** The minimum-rate multipliers λ_i of {@code α̃_i = α_i (1 + λ_i)}. */
    final double[] lambda;
    final double[] maxPower;
    final double[] minRate;
    /** {@code s_{n,i,j} = h_{n,i}^H w_{n,j}} at {@code [(n·I + i)·I + j]}. */
    final double[] sRe;
    final double[] sIm;
    final double[] sinr;
    final double[] rate;
    private final double[] coefficient; // α̃ v |u|²
    private final double[] gRe; // α̃ v u
    private final double[] gIm;
    private final ComplexTensor shape;
    // station-block workspace, sized for the largest station. The algebra is hand-written on these flat
    // arrays, not EJML's ZMatrixRMaj: the matrices are M×M (4×4 by default) and the loops fuse the
    // building, decomposition and solves of N of them per station and iteration without allocating.
    private final double[] matrix;
    private final double[][] values;
    private final double[][] vectors;
    private final double[] y;
    private final double[] d;
    private final double[] before;
    private final double[] delta;

    Wmmse(BeamformingInstance p) {
        this.instance = p;
        this.shape = p.channel();
        this.subcarriers = p.subcarrierCount();
        this.users = p.userCount();
        this.stations = p.stationCount();
        this.antennas = p.totalAntennas();
        this.stride = 2 * antennas;
        this.bandwidthHz = p.subcarrierBandwidthHz();
        double[] raw = shape.raw();
        double sigma = Math.sqrt(p.noiseW());
        this.h = new double[raw.length];
        for (int k = 0; k < raw.length; k++) {
            h[k] = raw[k] / sigma;
        }
        this.w = new double[raw.length];
        this.active = new boolean[subcarriers * users];
        Arrays.fill(active, true);
        this.weight = p.users().stream().mapToDouble(BeamformingUser::weight).toArray();
        this.effectiveWeight = weight.clone();
        this.lambda = new double[users];
        this.maxPower = p.stations().stream().mapToDouble(BeamformingStation::maxPowerW).toArray();
        this.minRate = p.users().stream().mapToDouble(BeamformingUser::minRateBps).toArray();
        this.sRe = new double[subcarriers * users * users];
        this.sIm = new double[sRe.length];
        this.sinr = new double[subcarriers * users];
        this.rate = new double[users];
        this.coefficient = new double[subcarriers * users];
        this.gRe = new double[subcarriers * users];
        this.gIm = new double[subcarriers * users];
        int maxM = 0;
        for (int b = 0; b < stations; b++) {
            maxM = Math.max(maxM, shape.antennas(b));
        }
        this.matrix = new double[2 * maxM * maxM];
        this.values = new double[subcarriers][maxM];
        this.vectors = new double[subcarriers][2 * maxM * maxM];
        this.y = new double[subcarriers * users * 2 * maxM];
        this.d = new double[subcarriers * maxM];
        this.before = new double[2 * maxM];
        this.delta = new double[2 * maxM];
    }

    /** {@code s_{n,i,j}} from scratch, then SINRs and rates. */
    void refresh() {
        for (int n = 0; n < subcarriers; n++) {
            for (int i = 0; i < users; i++) {
                int hi = (n * users + i) * stride;
                for (int j = 0; j < users; j++) {
                    int k = (n * users + i) * users + j;
                    if (!active[n * users + j]) {
                        sRe[k] = 0;
                        sIm[k] = 0;
                        continue;
                    }
                    int wj = (n * users + j) * stride;
                    double re = 0;
                    double im = 0;
                    for (int a = 0; a < stride; a += 2) {
                        double hr = h[hi + a];
                        double hm = h[hi + a + 1];
                        double wr = w[wj + a];
                        double wm = w[wj + a + 1];
                        re += hr * wr + hm * wm;
                        im += hr * wm - hm * wr;
                    }
                    sRe[k] = re;
                    sIm[k] = im;
                }
            }
        }
        rates();
    }

    private void rates() {
        Arrays.fill(rate, 0);
        for (int n = 0; n < subcarriers; n++) {
            for (int i = 0; i < users; i++) {
                int row = (n * users + i) * users;
                double interference = 1;
                double signal = 0;
                for (int j = 0; j < users; j++) {
                    double g = sRe[row + j] * sRe[row + j] + sIm[row + j] * sIm[row + j];
                    if (j == i) {
                        signal = g;
                    } else {
                        interference += g;
                    }
                }
                sinr[n * users + i] = signal / interference;
                rate[i] += Math.log1p(signal / interference);
            }
        }
        for (int i = 0; i < users; i++) {
            rate[i] *= bandwidthHz / Math.log(2);
        }
    }

    /** {@code Σ_i α_i r_i} with the true weights. */
    double weightedSumRate() {
        double sum = 0;
        for (int i = 0; i < users; i++) {
            sum += weight[i] * rate[i];
        }
        return sum;
    }

    /** How many users are below their minimum rate. */
    int usersBelowMinimum() {
        int count = 0;
        for (int i = 0; i < users; i++) {
            if (instance.belowMinimum(i, rate[i])) {
                count++;
            }
        }
        return count;
    }

    /** {@code Σ_i max(0, 1 − r_i / r_i^min)} over the users below their minimum (0 when all meet it). */
    double shortfall() {
        double sum = 0;
        for (int i = 0; i < users; i++) {
            if (instance.belowMinimum(i, rate[i])) {
                sum += 1 - rate[i] / minRate[i];
            }
        }
        return sum;
    }

    /** {@code Σ_i α̃_i r_i}: what the WMMSE step ascends (the true weighted sum rate when no minimum rate binds). */
    double effectiveObjective() {
        double sum = 0;
        for (int i = 0; i < users; i++) {
            sum += effectiveWeight[i] * rate[i];
        }
        return sum;
    }

    /**
     * Extrapolates along the last step: {@code w_old + t (w − w_old)} for {@code t = 2, 4, 8, …}, each
     * station scaled back to its power limit when above it, keeping the best point while the effective
     * objective keeps rising. Why: at high SNR a WMMSE step moves the powers by a fraction of order
     * 1/SNR of the way to the fixed point (for one user, {@code p ← p · (1 + O(1/SNR))} towards
     * water-filling), so plain WMMSE needs about SNR iterations; the step direction is right, only short.
     * Only improvements are accepted, so the objective stays monotone and a fixed point of WMMSE is a
     * fixed point here. Returns the number of objective evaluations.
     */
    int extrapolate(double[] previous, double[] stepped, double[] best) {
        System.arraycopy(w, 0, stepped, 0, w.length);
        System.arraycopy(w, 0, best, 0, w.length);
        double bestValue = effectiveObjective();
        int evaluations = 0;
        for (double t = 2; t <= 1024; t *= 2) {
            for (int k = 0; k < w.length; k++) {
                w[k] = previous[k] + t * (stepped[k] - previous[k]);
            }
            for (int b = 0; b < stations; b++) {
                double power = stationPower(b);
                if (power > maxPower[b]) {
                    scaleStation(b, Math.sqrt(maxPower[b] / power));
                }
            }
            refresh();
            evaluations++;
            double v = effectiveObjective();
            if (!(v > bestValue)) {
                break;
            }
            bestValue = v;
            System.arraycopy(w, 0, best, 0, w.length);
        }
        System.arraycopy(best, 0, w, 0, w.length);
        refresh();
        return evaluations;
    }

    /**
     * One WMMSE iteration: receivers and MSE weights, then every station's beams (each updating the
     * cross terms {@code s} incrementally), then {@link #refresh()} from scratch, so rounding cannot drift.
     */
    void iterate() {
        receivers();
        for (int b = 0; b < stations; b++) {
            station(b);
        }
        refresh();
    }

    private void receivers() {
        for (int n = 0; n < subcarriers; n++) {
            for (int i = 0; i < users; i++) {
                int ni = n * users + i;
                if (!active[ni]) {
                    coefficient[ni] = 0;
                    gRe[ni] = 0;
                    gIm[ni] = 0;
                    continue;
                }
                int row = ni * users;
                double total = 1;
                for (int j = 0; j < users; j++) {
                    total += sRe[row + j] * sRe[row + j] + sIm[row + j] * sIm[row + j];
                }
                double sr = sRe[row + i];
                double si = sIm[row + i];
                double uRe = sr / total;
                double uIm = si / total;
                double v = total / (total - (sr * sr + si * si)); // 1 / MSE; the denominator is interference + 1 ≥ 1
                double a = effectiveWeight[i] * v;
                coefficient[ni] = a * (uRe * uRe + uIm * uIm);
                gRe[ni] = a * uRe;
                gIm[ni] = a * uIm;
            }
        }
    }

    /** The exact beam update of station b with the others fixed (class comment). */
    private void station(int b) {
        int m = shape.antennas(b);
        int off = 2 * shape.offset(b);
        Arrays.fill(d, 0);
        for (int n = 0; n < subcarriers; n++) {
            // A_n^{bb} = Σ_i c_i h_{n,i,b} h_{n,i,b}^H, Hermitian m×m, interleaved
            Arrays.fill(matrix, 0, 2 * m * m, 0);
            for (int i = 0; i < users; i++) {
                double c = coefficient[n * users + i];
                if (c == 0) {
                    continue;
                }
                int hi = (n * users + i) * stride + off;
                for (int p = 0; p < m; p++) {
                    double pr = h[hi + 2 * p];
                    double pi = h[hi + 2 * p + 1];
                    for (int q = 0; q < m; q++) {
                        double qr = h[hi + 2 * q];
                        double qi = h[hi + 2 * q + 1];
                        matrix[(p * m + q) * 2] += c * (pr * qr + pi * qi); // h_p conj(h_q)
                        matrix[(p * m + q) * 2 + 1] += c * (pi * qr - pr * qi);
                    }
                }
            }
            HermitianJacobi.decompose(matrix, m, values[n], vectors[n]);
            for (int k = 0; k < m; k++) {
                values[n][k] = Math.max(0, values[n][k]);
            }
            double[] v = vectors[n];
            // r_{n,j} = g_{n,j} h_{n,j,b} − Σ_i c_i h_{n,i,b} t_{ij},  t_ij = s_ij − h_{n,i,b}^H w_{n,j,b}
            for (int j = 0; j < users; j++) {
                int nj = n * users + j;
                int yBase = nj * 2 * m;
                if (!active[nj]) {
                    Arrays.fill(y, yBase, yBase + 2 * m, 0);
                    continue;
                }
                int hj = nj * stride + off;
                for (int p = 0; p < m; p++) {
                    double hr = h[hj + 2 * p];
                    double hm = h[hj + 2 * p + 1];
                    before[2 * p] = gRe[nj] * hr - gIm[nj] * hm;
                    before[2 * p + 1] = gRe[nj] * hm + gIm[nj] * hr;
                }
                for (int i = 0; i < users; i++) {
                    double c = coefficient[n * users + i];
                    if (c == 0) {
                        continue;
                    }
                    int hi = (n * users + i) * stride + off;
                    double own = 0;
                    double ownIm = 0;
                    for (int p = 0; p < 2 * m; p += 2) {
                        double hr = h[hi + p];
                        double hm = h[hi + p + 1];
                        double wr = w[hj + p];
                        double wm = w[hj + p + 1];
                        own += hr * wr + hm * wm;
                        ownIm += hr * wm - hm * wr;
                    }
                    int k = (n * users + i) * users + j;
                    double tr = c * (sRe[k] - own);
                    double ti = c * (sIm[k] - ownIm);
                    for (int p = 0; p < 2 * m; p += 2) {
                        double hr = h[hi + p];
                        double hm = h[hi + p + 1];
                        before[p] -= hr * tr - hm * ti;
                        before[p + 1] -= hr * ti + hm * tr;
                    }
                }
                for (int k = 0; k < m; k++) { // y = V^H r
                    double re = 0;
                    double im = 0;
                    for (int r = 0; r < m; r++) {
                        double vr = v[(r * m + k) * 2];
                        double vi = v[(r * m + k) * 2 + 1];
                        re += vr * before[2 * r] + vi * before[2 * r + 1];
                        im += vr * before[2 * r + 1] - vi * before[2 * r];
                    }
                    y[yBase + 2 * k] = re;
                    y[yBase + 2 * k + 1] = im;
                    d[n * m + k] += re * re + im * im;
                }
            }
        }
        double mu = multiplier(m, maxPower[b]);
        double power = 0;
        for (int n = 0; n < subcarriers; n++) {
            double[] v = vectors[n];
            for (int j = 0; j < users; j++) {
                int nj = n * users + j;
                int wj = nj * stride + off;
                if (!active[nj]) {
                    continue;
                }
                int yBase = nj * 2 * m;
                for (int r = 0; r < m; r++) { // x = V diag(1/(λ + μ)) y
                    double re = 0;
                    double im = 0;
                    for (int k = 0; k < m; k++) {
                        double denominator = values[n][k] + mu;
                        if (denominator > 0) {
                            double vr = v[(r * m + k) * 2];
                            double vi = v[(r * m + k) * 2 + 1];
                            double yr = y[yBase + 2 * k];
                            double yi = y[yBase + 2 * k + 1];
                            re += (vr * yr - vi * yi) / denominator;
                            im += (vr * yi + vi * yr) / denominator;
                        }
                    }
                    delta[2 * r] = re - w[wj + 2 * r];
                    delta[2 * r + 1] = im - w[wj + 2 * r + 1];
                    w[wj + 2 * r] = re;
                    w[wj + 2 * r + 1] = im;
                    power += re * re + im * im;
                }
                // s_{n,i,j} += h_{n,i,b}^H (x_new − x_old): the other stations' terms are unchanged
                for (int i = 0; i < users; i++) {
                    int hi = (n * users + i) * stride + off;
                    double re = 0;
                    double im = 0;
                    for (int p = 0; p < 2 * m; p += 2) {
                        double hr = h[hi + p];
                        double hm = h[hi + p + 1];
                        re += hr * delta[p] + hm * delta[p + 1];
                        im += hr * delta[p + 1] - hm * delta[p];
                    }
                    int k = (n * users + i) * users + j;
                    sRe[k] += re;
                    sIm[k] += im;
                }
            }
        }
        if (power > maxPower[b]) { // bisection stops on the feasible side; this only absorbs rounding
            scaleStation(b, Math.sqrt(maxPower[b] / power));
            refresh();
        }
    }

    /** The least μ ≥ 0 with {@code Σ_{n,k} d_{n,k} / (λ_{n,k} + μ)² ≤ P}, to relative precision 1e-12. */
    private double multiplier(int dim, double maxPowerW) {
        double total = 0;
        for (int k = 0; k < subcarriers * dim; k++) {
            total += d[k];
        }
        if (total == 0) {
            return 0;
        }
        if (power(dim, 0) <= maxPowerW) {
            return 0;
        }
        double lo = 0;
        double hi = Math.sqrt(total / maxPowerW); // power(hi) ≤ Σ d / hi² = P since λ ≥ 0
        for (int it = 0; it < 200 && hi - lo > 1e-12 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (power(dim, mid) > maxPowerW) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private double power(int dim, double mu) {
        double sum = 0;
        for (int n = 0; n < subcarriers; n++) {
            for (int k = 0; k < dim; k++) {
                double dk = d[n * dim + k];
                if (dk == 0) {
                    continue;
                }
                double denominator = values[n][k] + mu;
                if (denominator <= 0) {
                    return Double.POSITIVE_INFINITY;
                }
                sum += dk / (denominator * denominator);
            }
        }
        return sum;
    }

    /** Multiplies station b's beams by {@code factor}. */
    void scaleStation(int b, double factor) {
        int off = 2 * shape.offset(b);
        int len = 2 * shape.antennas(b);
        for (int ni = 0; ni < subcarriers * users; ni++) {
            for (int k = ni * stride + off; k < ni * stride + off + len; k++) {
                w[k] *= factor;
            }
        }
    }

    /** Station b's radiated power. */
    double stationPower(int b) {
        return BeamformingEvaluator.stationPower(shape, w)[b];
    }

    /** Sets user i's beams on subcarrier n to 0 and masks it off. */
    void drop(int n, int i) {
        int ni = n * users + i;
        active[ni] = false;
        Arrays.fill(w, ni * stride, (ni + 1) * stride, 0);
    }

    /** {@code ‖w_{n,i}‖²} over all stations. */
    double beamPower(int n, int i) {
        int ni = n * users + i;
        double sum = 0;
        for (int k = ni * stride; k < (ni + 1) * stride; k++) {
            sum += w[k] * w[k];
        }
        return sum;
    }

}

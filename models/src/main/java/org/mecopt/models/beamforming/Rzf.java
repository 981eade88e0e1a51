package org.mecopt.models.beamforming;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The structured beam decoder ("rzf"): the network chooses, per subcarrier n and user i, a power
 * {@code p_{n,i}} and a regularization {@code λ_{n,i}}; the beams are the regularized zero-forcing
 * directions those give, scaled to those powers. With {@code E_n} the effective channel
 * ({@code E_{ik} = conj(h_{n,i,k})}, so that user i receives {@code Σ_k E_{ik} x_k}) and rows
 * normalized to unit norm, the directions are the columns of
 * {@code E^H (E E^H + diag(λ))^{-1}}, each normalized, times {@code √p}. At {@code λ = 0} they
 * zero-force (every user's interference is nulled); as λ grows they turn toward maximum-ratio
 * transmission. This is the known structure of optimal multi-user downlink beams (Björnson,
 * Bengtsson and Ottersten, IEEE SP Magazine 2014), in which learning the few parameters (p, λ)
 * rather than every beam coefficient is what lets a network reach zero-forcing's precision at the
 * high SINRs of the default setting (~35 dB, where a beam must null interference to −40 dB) —
 * the direct decoder, which outputs the coefficients, does not get close (docs).
 *
 * <p>Why the normalized rows: the gains of one instance span ~60 dB, and {@code E E^H} would be a
 * float32 matrix with entries from 1 to 1e8; with unit rows it has unit diagonal. Normalizing the
 * rows rescales each user's equation only, which changes no zero-forcing direction. The complex
 * inverse is taken as the real inverse of {@code [[X, −Y], [Y, X]]} (autograd in the engine; plain
 * Gauss–Jordan in Java for inference).
 *
 * <p>Network outputs: 2·N·I per sample, first the power logits, then the regularization logits.
 * {@code p = softplus(x)·ΣP^max/(N·I·ln 2)} (at x = 0 the stations' total power spread evenly) and
 * {@code λ_{n,i} = e^{clip(y, ±10)} · I·N/(ΣP^max ‖h_{n,i}/σ‖²)} (at y = 0 the MMSE choice
 * {@code σ²·I/(P_n‖h‖²)} in the normalized rows, with {@code P_n = ΣP^max/N} a subcarrier's share).
 */
public final class Rzf {
    private static final double LN2 = Math.log(2);
    private static final float MAX_LOG_REGULARIZATION = 10f;
    private static final double MAX_REGULARIZATION = 1e12;

    private Rzf() {
    }

    /**
     * Raw beams in √W, (S, N, I, K) real and imaginary, before the power projection.
     *
     * @param out the network's 2·N·I outputs per sample, (S, 2·N·I)
     * @param hRe the channel's real parts divided by σ, (S, N, I, K)
     * @param hIm its imaginary parts
     * @param maxPower the station limits, (S, B)
     */
    public static NDArray[] beams(NDArray out, NDArray hRe, NDArray hIm, NDArray maxPower, Dimensions d) {
        return beams(out, hRe, hIm, maxPower, null, d);
    }

    /**
     * As {@link #beams(NDArray, NDArray, NDArray, NDArray, Dimensions)}, with powers only for the
     * served pairs: {@code served} (S, N, I) is 1 where (n, i) is served and 0 elsewhere (null: all),
     * and the power's unit is the total spread over the served pairs, {@code ΣP^max/(count·ln 2)}, so
     * that at x = 0 the power is spread evenly over them. The regularized zero-forcing still runs
     * over every user, served or not (it keeps the leakage toward the others small).
     */
    public static NDArray[] beams(NDArray out, NDArray hRe, NDArray hIm, NDArray maxPower, NDArray served, Dimensions d) {
        long s = out.getShape().get(0);
        int n = d.subcarriers();
        int u = d.users();
        NDArray total = maxPower.sum(new int[] {1}).reshape(s, 1, 1); // ΣP^max
        NDArray x = out.get(":, :" + n * u).reshape(s, n, u);
        NDArray y = out.get(":, " + n * u + ":").reshape(s, n, u);
        NDArray power = served == null ? softplus(x).mul(total).div((float) (n * u * LN2))
                : softplus(x).mul(total).div(served.sum(new int[] {1, 2}, true).maximum(1f).mul((float) LN2));
        NDArray gain = hRe.square().add(hIm.square()).sum(new int[] {3}); // ‖h/σ‖², (S, N, I)
        NDArray norm = gain.sqrt().expandDims(3);
        NDArray re = hRe.div(norm);
        NDArray im = hIm.div(norm);
        NDArray lambda = y.clip(-MAX_LOG_REGULARIZATION, MAX_LOG_REGULARIZATION).exp().mul((float) (u * n)).div(total.mul(gain));
        // E E^H for E = conj(H) with unit rows: conj(G), G = H H^H
        NDArray reT = re.transpose(0, 1, 3, 2);
        NDArray imT = im.transpose(0, 1, 3, 2);
        NDManager m = out.getManager();
        NDArray eye = m.eye(u).toType(out.getDataType(), false);
        NDArray aRe = re.matMul(reT).add(im.matMul(imT)).add(lambda.expandDims(3).mul(eye));
        NDArray aIm = re.matMul(imT).sub(im.matMul(reT));
        NDArray block = aRe.concat(aIm.neg(), 3).concat(aIm.concat(aRe, 3), 2); // [[X, -Y], [Y, X]]
        NDArray inv = block.inverse();
        NDArray p = inv.get(":, :, :" + u + ", :" + u); // B = P + iQ
        NDArray q = inv.get(":, :, " + u + ":, :" + u);
        NDArray pT = p.transpose(0, 1, 3, 2);
        NDArray qT = q.transpose(0, 1, 3, 2);
        // rows of B^T H (H with unit rows): (P^T + iQ^T)(Re + i Im)
        NDArray wRe = pT.matMul(re).sub(qT.matMul(im));
        NDArray wIm = pT.matMul(im).add(qT.matMul(re));
        NDArray scale = power.sqrt().div(wRe.square().add(wIm.square()).sum(new int[] {3}).sqrt());
        if (served != null) { // after the square root: its gradient at a zero power would be infinite (NaN times 0)
            scale = scale.mul(served);
        }
        scale = scale.expandDims(3);
        return new NDArray[] {wRe.mul(scale), wIm.mul(scale)};
    }

    private static NDArray softplus(NDArray x) {
        // log(1 + e^x) = max(x, 0) + log(1 + e^{-|x|}), stable for large |x|
        return x.maximum(0f).add(x.abs().neg().exp().add(1f).log());
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /**
     * The same in double precision for one instance: raw beams in √W, interleaved in the layout of
     * {@link Dimensions#index}.
     *
     * @param out the 2·N·I outputs
     * @param hRe the channel's real parts (any common scale: only directions and ratios are used, and
     *     {@code gainOverNoise} carries the scale)
     * @param gainOverNoise {@code ‖h_{n,i}‖²/σ²} at {@code n·I + i}
     */
    public static double[] beams(double[] out, double[] hRe, double[] hIm, double[] gainOverNoise, double[] maxPower,
                                 Dimensions d) {
        return beams(out, hRe, hIm, gainOverNoise, maxPower, null, d);
    }

    /** The same with powers only for the served pairs ({@code served[n·I + i]}; null: all), as the engine form. */
    public static double[] beams(double[] out, double[] hRe, double[] hIm, double[] gainOverNoise, double[] maxPower,
                                 boolean[] served, Dimensions d) {
        int n = d.subcarriers();
        int u = d.users();
        int kk = d.totalAntennas();
        double total = 0;
        for (double pm : maxPower) {
            total += pm;
        }
        int count = n * u;
        if (served != null) {
            count = 0;
            for (boolean v : served) {
                count += v ? 1 : 0;
            }
        }
        double unit = total / (Math.max(1, count) * LN2);
        double[] w = new double[2 * d.coefficients()];
        double[][] aRe = new double[u][u];
        double[][] aIm = new double[u][u];
        double[] re = new double[u * kk];
        double[] im = new double[u * kk];
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < u; i++) {
                double norm = 0;
                for (int k = 0; k < kk; k++) {
                    int idx = (c * u + i) * kk + k;
                    norm += hRe[idx] * hRe[idx] + hIm[idx] * hIm[idx];
                }
                norm = Math.sqrt(norm);
                for (int k = 0; k < kk; k++) {
                    int idx = (c * u + i) * kk + k;
                    re[i * kk + k] = norm > 0 ? hRe[idx] / norm : 0;
                    im[i * kk + k] = norm > 0 ? hIm[idx] / norm : 0;
                }
            }
            for (int i = 0; i < u; i++) {
                for (int j = 0; j < u; j++) {
                    double sr = 0;
                    double si = 0;
                    for (int k = 0; k < kk; k++) {
                        // conj(G)_{ij} = Σ_k conj(h_ik) h_jk
                        sr += re[i * kk + k] * re[j * kk + k] + im[i * kk + k] * im[j * kk + k];
                        si += re[i * kk + k] * im[j * kk + k] - im[i * kk + k] * re[j * kk + k];
                    }
                    aRe[i][j] = sr;
                    aIm[i][j] = si;
                }
                double y = Math.max(-MAX_LOG_REGULARIZATION, Math.min(MAX_LOG_REGULARIZATION, out[n * u + c * u + i]));
                // a user without a channel gets a large finite λ (its beam comes out ~0), not an infinite one
                aRe[i][i] += Math.min(MAX_REGULARIZATION, Math.exp(y) * u * n / (total * gainOverNoise[c * u + i]));
            }
            double[][][] b = ComplexInverse.of(aRe, aIm);
            for (int j = 0; j < u; j++) {
                double p = served != null && !served[c * u + j] ? 0 : softplus(out[c * u + j]) * unit;
                double sq = 0;
                double[] vr = new double[kk];
                double[] vi = new double[kk];
                for (int k = 0; k < kk; k++) {
                    double sr = 0;
                    double si = 0;
                    for (int l = 0; l < u; l++) {
                        // (B^T H)_{jk} = Σ_l B_lj H_lk
                        double br = b[0][l][j];
                        double bi = b[1][l][j];
                        sr += br * re[l * kk + k] - bi * im[l * kk + k];
                        si += br * im[l * kk + k] + bi * re[l * kk + k];
                    }
                    vr[k] = sr;
                    vi[k] = si;
                    sq += sr * sr + si * si;
                }
                double scale = sq > 0 ? Math.sqrt(p / sq) : 0;
                for (int k = 0; k < kk; k++) {
                    int idx = (c * u + j) * kk + k;
                    w[2 * idx] = vr[k] * scale;
                    w[2 * idx + 1] = vi[k] * scale;
                }
            }
        }
        return w;
    }

    /** The inverse of a complex matrix by Gauss–Jordan elimination with partial pivoting. */
    static final class ComplexInverse {
        private ComplexInverse() {
        }

        /** {re, im} of {@code (aRe + i aIm)^{-1}}; the inputs are overwritten. */
        static double[][][] of(double[][] aRe, double[][] aIm) {
            int u = aRe.length;
            double[][] xr = new double[u][u];
            double[][] xi = new double[u][u];
            for (int i = 0; i < u; i++) {
                xr[i][i] = 1;
            }
            for (int col = 0; col < u; col++) {
                int pivot = col;
                for (int r = col + 1; r < u; r++) {
                    if (Math.hypot(aRe[r][col], aIm[r][col]) > Math.hypot(aRe[pivot][col], aIm[pivot][col])) {
                        pivot = r;
                    }
                }
                swap(aRe, col, pivot);
                swap(aIm, col, pivot);
                swap(xr, col, pivot);
                swap(xi, col, pivot);
                double pr = aRe[col][col];
                double pi = aIm[col][col];
                double den = pr * pr + pi * pi;
                double ir = pr / den; // 1/(pr + i pi)
                double ii = -pi / den;
                scaleRow(aRe[col], aIm[col], ir, ii);
                scaleRow(xr[col], xi[col], ir, ii);
                for (int r = 0; r < u; r++) {
                    if (r == col) {
                        continue;
                    }
                    double fr = aRe[r][col];
                    double fi = aIm[r][col];
                    if (fr == 0 && fi == 0) {
                        continue;
                    }
                    subtract(aRe[r], aIm[r], aRe[col], aIm[col], fr, fi);
                    subtract(xr[r], xi[r], xr[col], xi[col], fr, fi);
                }
            }
            return new double[][][] {xr, xi};
        }

        private static void swap(double[][] a, int i, int j) {
            double[] t = a[i];
            a[i] = a[j];
            a[j] = t;
        }

        private static void scaleRow(double[] re, double[] im, double sr, double si) {
            for (int k = 0; k < re.length; k++) {
                double r = re[k] * sr - im[k] * si;
                im[k] = re[k] * si + im[k] * sr;
                re[k] = r;
            }
        }

        /** row -= f · pivotRow, complex. */
        private static void subtract(double[] re, double[] im, double[] pr, double[] pi, double fr, double fi) {
            for (int k = 0; k < re.length; k++) {
                re[k] -= fr * pr[k] - fi * pi[k];
                im[k] -= fr * pi[k] + fi * pr[k];
            }
        }
    }
}

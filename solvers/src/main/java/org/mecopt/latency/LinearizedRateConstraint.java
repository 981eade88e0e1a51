package org.mecopt.latency;

import org.ejml.data.DMatrixRMaj;
import org.mecopt.numeric.FusedOuterHessian;

/**
 * User k's latency constraint in ICA's convex subproblem, in the variables
 * {@code x = (p[0][0..K), …, p[N−1][0..K), w)} with {@code w = τ_ref / t}:
 * <pre>  f(x) = w − τ_ref/a_k − τ_ref h(R̃_k(p)) ≤ 0,   h(R) = R / (Z + cR) = 1/b(R)</pre>
 * (without local computing the {@code τ_ref/a_k} term is dropped). This is {@code 1/τ*_k ≥ 1/t} with
 * the closed-form best ratio, {@code 1/τ* = 1/a + 1/b}. {@code R̃_k} is the concave minorant of the
 * rate obtained by linearizing the interference term of
 * {@code R_k = (B/ln 2) Σ_n [ln(1 + Σ_j p_nj G_nkj) − ln(1 + Σ_{j≠k} p_nj G_nkj)]} at the current
 * point p̂, so {@code R̃_k ≤ R_k} with equality at p̂: every subproblem solution is feasible for
 * the true problem and no worse than p̂ (the ICA/MM property). h is concave increasing, so f is
 * convex; its domain is {@code R̃ > −Z/c}, outside which f is +∞.
 */
final class LinearizedRateConstraint implements FusedOuterHessian {
    private final LatencyInstance instance;
    private final int k;
    private final int users;
    private final int subcarriers;
    private final double scale;
    private final double z;
    private final double c;
    private final double constant;
    /** ln(1 + Î_nk) − Î_nk/(1 + Î_nk) and 1/(1 + Î_nk) at the linearization point. */
    private final double[] offset;
    private final double[] slope;
    private final double[] total;
    private final double[] rateGradient;
    /** {@code G_nkj} at {@code n·K + j}, the layout of the power variables. */
    private final double[] gains;
    /** The subproblem's constraints, which add their Newton-matrix terms together; null for a lone constraint. */
    private final RateConstraintGroup group;

    /**
     * @param tauRef the latency scale that makes w of order 1
     * @param at the linearization point p̂, {@code at[n][j]}, not modified
     */
    LinearizedRateConstraint(LatencyInstance instance, int k, double tauRef, double[][] at) {
        this(instance, k, tauRef, at, null);
    }

    /** As {@link #LinearizedRateConstraint(LatencyInstance, int, double, double[][])}, a member of {@code group}. */
    LinearizedRateConstraint(LatencyInstance instance, int k, double tauRef, double[][] at, RateConstraintGroup group) {
        this.group = group;
        this.instance = instance;
        this.k = k;
        this.users = instance.userCount();
        this.subcarriers = instance.subcarrierCount();
        this.scale = tauRef;
        this.z = instance.users().get(k).taskBits();
        this.c = instance.serverTime(k);
        this.constant = instance.localComputing() ? tauRef / instance.localTime(k) : 0;
        this.offset = new double[subcarriers];
        this.slope = new double[subcarriers];
        this.total = new double[subcarriers];
        this.rateGradient = new double[subcarriers * users];
        this.gains = new double[subcarriers * users];
        for (int n = 0; n < subcarriers; n++) {
            System.arraycopy(instance.gainRow(n, k), 0, gains, n * users, users);
        }
        for (int n = 0; n < subcarriers; n++) {
            double interference = 0;
            for (int j = 0; j < users; j++) {
                if (j != k) {
                    interference += at[n][j] * instance.gain(n, k, j);
                }
            }
            slope[n] = 1 / (1 + interference);
            offset[n] = Math.log1p(interference) - interference * slope[n];
        }
    }

    /** R̃_k(p) in bit/s; also fills {@link #total} with {@code 1 + S_nk(p)}. */
    private double rate(double[] x) {
        double sum = 0;
        for (int n = 0; n < subcarriers; n++) {
            double all = 1;
            double interference = 0;
            int base = n * users;
            for (int j = 0; j < users; j++) {
                double v = x[base + j] * gains[base + j];
                all += v;
                if (j != k) {
                    interference += v;
                }
            }
            total[n] = all;
            sum += Math.log(all) - offset[n] - interference * slope[n];
        }
        return instance.subcarrierBandwidthHz() / Math.log(2) * sum;
    }

    private void fillRateGradient() {
        double factor = instance.subcarrierBandwidthHz() / Math.log(2);
        for (int n = 0; n < subcarriers; n++) {
            int base = n * users;
            double t = total[n];
            double s = slope[n];
            // all users as interferers (one loop the JIT vectorizes), then user k itself
            for (int j = base; j < base + users; j++) {
                double g = gains[j];
                rateGradient[j] = factor * (g / t - g * s);
            }
            rateGradient[base + k] = factor * (gains[base + k] / t - 0);
        }
    }

    @Override
    public double value(double[] x) {
        double r = rate(x);
        double denominator = z + c * r;
        if (!(denominator > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return x[x.length - 1] - constant - scale * r / denominator;
    }

    @Override
    public void gradient(double[] x, double[] gradient) {
        double r = rate(x);
        double d = z + c * r;
        double hPrime = scale * z / (d * d);
        fillRateGradient();
        for (int i = 0; i < rateGradient.length; i++) {
            gradient[i] = -hPrime * rateGradient[i];
        }
        gradient[x.length - 1] = 1;
    }

    /**
     * {@code ∇²f = −τ h''(R̃) ∇R̃ ∇R̃ᵀ − τ h'(R̃) ∇²R̃}, with {@code ∇²R̃} block-diagonal over
     * subcarriers: {@code −(B/ln 2) G_nk G_nkᵀ / (1 + S_nk)²}. Adds the upper triangle only, which
     * is all the solver reads.
     */
    @Override
    public void addHessian(double[] x, double weight, DMatrixRMaj hessian) {
        addHessianAndOuter(x, weight, 0, hessian);
    }

    /**
     * {@code weight ∇²f + outer ∇f∇fᵀ}: with {@code ∇f = (−τh'∇R̃, 1)} both dense rank-one terms
     * lie along {@code ∇R̃} on the power block, so one update {@code (weight·(−τh'') + outer·(τh')²)
     * ∇R̃∇R̃ᵀ} covers them; the outer product adds {@code −outer·τh'∇R̃} to the w column and
     * {@code outer} to the w diagonal.
     */
    @Override
    public void addHessianAndOuter(double[] x, double weight, double outer, DMatrixRMaj hessian) {
        Terms terms = terms(x, weight, outer);
        int dim = hessian.numCols;
        double[] data = hessian.data;
        int nk = rateGradient.length;
        for (int i = 0; i < nk; i++) {
            double gi = terms.rankOne() * rateGradient[i];
            if (gi == 0) {
                continue;
            }
            int row = i * dim;
            for (int j = i; j < nk; j++) { // the solver reads the upper triangle only
                data[row + j] += gi * rateGradient[j];
            }
        }
        if (outer != 0) {
            for (int i = 0; i < nk; i++) {
                data[i * dim + nk] += terms.cross() * rateGradient[i];
            }
            data[nk * dim + nk] += outer;
        }
        for (int n = 0; n < subcarriers; n++) {
            double s = blockScale(terms, n);
            int base = n * users;
            double[] gainRow = instance.gainRow(n, k);
            for (int i = 0; i < users; i++) {
                double gi = s * gainRow[i];
                int row = (base + i) * dim + base;
                for (int j = i; j < users; j++) {
                    data[row + j] += gi * gainRow[j];
                }
            }
        }
    }

    /**
     * The factors of {@code weight ∇²f + outer ∇f∇fᵀ}: {@code rankOne} on {@code ∇R̃∇R̃ᵀ},
     * {@code cross} on the w column ({@code −outer·τh'}) and {@code factor}, which over
     * {@code (1 + S_nk)²} is the factor of subcarrier n's block {@code G_nk G_nkᵀ}.
     */
    record Terms(double rankOne, double cross, double factor) {
    }

    /** {@link Terms} at x; also fills {@link #rateGradient()} (and the totals behind {@link #blockScale}). */
    Terms terms(double[] x, double weight, double outer) {
        double r = rate(x);
        double d = z + c * r;
        double hPrime = scale * z / (d * d);
        double minusHSecond = scale * 2 * c * z / (d * d * d);
        fillRateGradient();
        return new Terms(weight * minusHSecond + outer * hPrime * hPrime, -outer * hPrime,
                weight * hPrime * instance.subcarrierBandwidthHz() / Math.log(2));
    }

    /** Subcarrier n's block factor {@code factor / (1 + S_nk)²}, after {@link #terms}. */
    double blockScale(Terms terms, int n) {
        return terms.factor() / (total[n] * total[n]);
    }

    /** ∇R̃ at the point of the last {@link #terms} call; not copied, overwritten by the next call. */
    double[] rateGradient() {
        return rateGradient;
    }

    /** The user k whose constraint this is. */
    int user() {
        return k;
    }

    @Override
    public RateConstraintGroup group() {
        return group;
    }
}

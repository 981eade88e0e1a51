package org.mecopt.latency;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.mecopt.api.Deadline;
import org.mecopt.api.Outcome;
import org.mecopt.api.SolveContext;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverParameter;
import org.mecopt.api.Status;
import org.mecopt.numeric.ConvexFunction;
import org.mecopt.numeric.ConvexProblem;
import org.mecopt.numeric.InteriorPointOptions;
import org.mecopt.numeric.InteriorPointResult;
import org.mecopt.numeric.InteriorPointSolver;
import org.mecopt.numeric.QuadraticFunction;

/**
 * {@code ica-paper}: seed 001's own iterative convex approximation (§III-B, eqs. (9)–(19)), kept as
 * a second solver to compare with our {@link IcaSolver}.
 *
 * <p>Variables of the subproblem at iteration i: amplitudes {@code q = √p} (NK), ratios ρ (K), the
 * epigraph t, SINR slacks λ (NK), inverse-rate slacks μ (K), offloading-time slacks ν (K) and
 * interference slacks φ (NK). Minimize t subject to
 * <pre>
 *   Σ_n q_nk² ≤ 1, q ≥ 0, 0 ≤ ρ ≤ 1                                    (8c)–(8e)
 *   (1 − ρ_k) Z_k C_k / f_k ≤ t                                          (9c)
 *   Σ_n B log2(1 + λ_nk) ≥ 1/μ_k                                         (17a)
 *   (2q̂/φ̂) q_nk − (q̂²/φ̂²) φ_nk ≥ λ_nk / G_nkk                          (18a), the bound (15) on q²/φ
 *   Σ_{j≠k} q_nj² G_nkj + 1 ≤ φ_nk                                       (18b)
 *   Z_k μ_k + Z_k C_k / f_ser ≤ ν_k                                      (19a)
 *   (ν̂/(2ρ̂)) ρ_k² + (ρ̂/(2ν̂)) ν_k² ≤ t                                  (19b), the bound (16) on ρν
 * </pre>
 * (our noise normalization, MODEL.md §2: post-combining noise 1 in G). Without local computing ρ = 1
 * is fixed: ρ, (9c) and (16) drop out and (19b) is {@code ν_k ≤ t}.
 *
 * <p>Scaling (the interior-point tolerances are absolute): with T the interference-free bound,
 * {@code t̃ = t/T}, {@code ν̃ = ν/T}, {@code μ̃_k = Z_k μ_k / T}, {@code λ̃ = λ/Λ} with Λ the SINR at
 * the linearization point (floored), {@code φ̃ = φ/φ̂}; (18a) is divided by its largest coefficient.
 *
 * <p>Every subproblem is linearized at a point built from the current powers p̂ at which all its
 * bounds are tight (λ̂ = SINR, φ̂ = interference + 1, μ̂ = 1/R̂, ρ̂ = the best ratio, ν̂ from (19a)),
 * so the current point is feasible and the subproblem can only improve. The interior-point method
 * starts from a strictly feasible point pulled inside from there. A step is accepted only if the
 * true maximum latency (with the best ratios) falls; we stop when it falls by less than the
 * tolerance. Unlike {@code ica} there is no over-relaxation: this is the paper's iteration as
 * written. Amplitudes at 0 are fixed points of (15) (its slope in q is 2q̂/φ̂ = 0), so a start with
 * zero powers is first mixed with a little equal power.
 *
 * <p>Against {@code ica} on seed 001's instances (cell-free, M = 64, N = 4, K = 10 and 20, measured by
 * {@code benchmarks}' {@code IcaPaperComparison}): from the same start the two agree to about 0.1 % on average
 * (each better by more than 0.1 % on a few instances) and this one is 30–50 times slower (~3N K
 * variables per subproblem instead of N K, and twice the outer iterations); from p = 1/N it
 * reaches better local optima than {@code ica} (1–7 % on average).
 *
 * <p>Parameters: {@code tolerance} (default 1e-6), {@code start} ({@code auto}: {@code ica}'s
 * starting point, or {@code equal-power}); {@link SolverOptions#maxIterations()} caps the outer
 * iterations (at most 200).
 */
public final class IcaPaperSolver extends PowerSolver {

    /** Share of equal power mixed into a start that has zero powers. */
    private static final double ZERO_MIX = 1e-3;
    /** Floors of the linearization point: guards (16) against ρ̂ = 0 or ν̂ = 0 and λ's scale. */
    private static final double RATIO_FLOOR = 1e-6;
    private static final double SINR_FLOOR = 1e-6;

    @Override
    public String name() {
        return "ica-paper";
    }

    @Override
    public String guarantee() {
        return "locally optimal (seed 001's own ICA formulation, eqs. 15-19; every iterate feasible and no worse)";
    }

    @Override
    public List<SolverParameter<?>> parameters() {
        return List.of(ConvexApproximationLoop.TOLERANCE, START);
    }

    @Override
    protected Outcome<LatencySolution> search(LatencyInstance instance, SolveContext context) {
        double bound = InterferenceFreeBound.lowerBound(instance);
        double[][] initial = "equal-power".equals(context.value(START))
                ? Baselines.equalPower(instance) : IcaSolver.startingPoint(instance, bound, context.deadline());
        InteriorPointSolver ipm = new InteriorPointSolver(InteriorPointOptions.defaults()
                .withGapTolerance(IcaSolver.SUBPROBLEM_GAP).withFeasibilityTolerance(1e-9));
        ConvexApproximationLoop.End o = ConvexApproximationLoop.run(instance, withoutZeros(initial),
                p -> new Subproblem(instance, p, bound).solve(ipm, context.deadline()), false, context);
        // mixing equal power into zero powers may cost a little: keep the start when it stays better
        double[][] best = o.value() < instance.objective(instance.solutionFor(initial)) ? o.power() : initial;
        return Outcome.of(o.status(), instance.solutionFor(best)).withBound(bound).withIterations(o.iterations())
                .withMessage(o.message());
    }

    /** {@code power} itself when it has no zero entry, else {@code (1 − ε) p + ε/N}. */
    static double[][] withoutZeros(double[][] power) {
        boolean zero = Arrays.stream(power).flatMapToDouble(Arrays::stream).anyMatch(v -> !(v > 0));
        if (!zero) {
            return power;
        }
        double[][] mixed = new double[power.length][];
        for (int n = 0; n < power.length; n++) {
            mixed[n] = new double[power[n].length];
            for (int k = 0; k < power[n].length; k++) {
                mixed[n][k] = (1 - ZERO_MIX) * Math.max(0, power[n][k]) + ZERO_MIX / power.length;
            }
        }
        return mixed;
    }

    /** Seed 001's convex subproblem linearized at the tight point of the powers {@code at}. */
    static final class Subproblem {
        private final LatencyInstance instance;
        private final int users;
        private final int subcarriers;
        private final boolean local;
        private final double scale;
        // variable offsets
        private final int iq;
        private final int irho;
        private final int it;
        private final int ilambda;
        private final int imu;
        private final int inu;
        private final int iphi;
        private final int dim;
        // linearization point
        private final double[][] qHat;
        private final double[][] phiHat;
        private final double[][] lambdaScale;
        private final double[] rhoHat;
        private final double[] nuHat;

        Subproblem(LatencyInstance instance, double[][] at, double tauRef) {
            this.instance = instance;
            this.users = instance.userCount();
            this.subcarriers = instance.subcarrierCount();
            this.local = instance.localComputing();
            this.scale = tauRef;
            int nk = users * subcarriers;
            iq = 0;
            irho = nk;
            it = irho + (local ? users : 0);
            ilambda = it + 1;
            imu = ilambda + nk;
            inu = imu + users;
            iphi = inu + users;
            dim = iphi + nk;
            qHat = new double[subcarriers][users];
            phiHat = new double[subcarriers][users];
            lambdaScale = new double[subcarriers][users];
            rhoHat = new double[users];
            nuHat = new double[users];
            for (int n = 0; n < subcarriers; n++) {
                for (int k = 0; k < users; k++) {
                    qHat[n][k] = Math.sqrt(Math.max(0, at[n][k]));
                    double interference = 1;
                    for (int j = 0; j < users; j++) {
                        if (j != k) {
                            interference += at[n][j] * instance.gain(n, k, j);
                        }
                    }
                    phiHat[n][k] = interference;
                    lambdaScale[n][k] = Math.max(SINR_FLOOR, instance.sinr(at, n, k));
                }
            }
            for (int k = 0; k < users; k++) {
                double rate = instance.rate(at, k);
                rhoHat[k] = Math.min(1, Math.max(RATIO_FLOOR, instance.bestRatio(k, rate)));
                double z = instance.users().get(k).taskBits();
                double nu = rate > 0 ? (z / rate + instance.serverTime(k)) / scale : Double.NaN;
                // ν̂ = 0 cannot occur (ν ≥ Z C/f_ser > 0); ν̂ = ∞ (zero rate) is capped
                nuHat[k] = Double.isFinite(nu) ? Math.max(nu, 1e-12) : 1e6;
            }
        }

        int q(int n, int k) {
            return iq + n * users + k;
        }

        int lambda(int n, int k) {
            return ilambda + n * users + k;
        }

        int phi(int n, int k) {
            return iphi + n * users + k;
        }

        /**
         * The new powers q², or null when the subproblem cannot be built in double precision (a
         * coefficient overflows: an internal failure, not the user's) or the interior-point method failed.
         */
        double[][] solve(InteriorPointSolver ipm, Deadline deadline) {
            double[] objective = new double[dim];
            objective[it] = 1;
            ConvexProblem.Builder builder = ConvexProblem.builder(dim).minimize(QuadraticFunction.linear(objective, 0));
            double[] lower = new double[dim];
            double[] upper = new double[dim];
            Arrays.fill(lower, Double.NEGATIVE_INFINITY);
            Arrays.fill(upper, Double.POSITIVE_INFINITY);
            for (int n = 0; n < subcarriers; n++) {
                for (int k = 0; k < users; k++) {
                    lower[q(n, k)] = 0;
                }
            }
            if (local) {
                for (int k = 0; k < users; k++) {
                    lower[irho + k] = 0;
                    upper[irho + k] = 1;
                }
            }
            builder.bounds(lower, upper);
            boolean finite = true;
            for (int k = 0; k < users; k++) {
                double[] row = new double[dim];
                double a = instance.localTime(k) / scale;
                if (local) {
                    // (9c): (1 − ρ) a/T ≤ t̃
                    row[irho + k] = -a;
                    row[it] = -1;
                    finite &= linear(builder, row, -a);
                    row = new double[dim];
                }
                // (19a): μ̃ − ν̃ ≤ −Z C/(f_ser T)
                row[imu + k] = 1;
                row[inu + k] = -1;
                finite &= linear(builder, row, -instance.serverTime(k) / scale);
                if (!local) {
                    // (19b) with ρ = 1: ν̃ ≤ t̃
                    row = new double[dim];
                    row[inu + k] = 1;
                    row[it] = -1;
                    finite &= linear(builder, row, 0);
                }
            }
            for (int n = 0; n < subcarriers; n++) {
                for (int k = 0; k < users; k++) {
                    // (18a): Λ λ̃ / G ≤ (2q̂/φ̂) q − (q̂²/φ̂) φ̃, divided by its largest coefficient
                    double g = instance.gain(n, k, k);
                    double cLambda = lambdaScale[n][k] / g;
                    double cQ = 2 * qHat[n][k] / phiHat[n][k];
                    double cPhi = qHat[n][k] * qHat[n][k] / phiHat[n][k];
                    double norm = Math.max(cLambda, Math.max(cQ, cPhi));
                    double[] row = new double[dim];
                    row[lambda(n, k)] = cLambda / norm;
                    row[q(n, k)] = -cQ / norm;
                    row[phi(n, k)] = cPhi / norm;
                    finite &= linear(builder, row, 0);
                }
            }
            for (int k = 0; k < users; k++) {
                // power: Σ_n q² ≤ 1
                int[] idx = new int[subcarriers];
                double[] coef = new double[subcarriers];
                for (int n = 0; n < subcarriers; n++) {
                    idx[n] = q(n, k);
                    coef[n] = 1;
                }
                finite &= quadratic(builder, new DiagonalQuadratic(idx, coef, new int[0], new double[0], -1));
            }
            for (int k = 0; k < users; k++) {
                RateConstraint rate = new RateConstraint(k);
                finite &= Double.isFinite(rate.factor);
                builder.subjectTo(rate);
            }
            for (int n = 0; n < subcarriers; n++) {
                for (int k = 0; k < users; k++) {
                    // (18b): Σ_{j≠k} q_nj² G_nkj/φ̂ + 1/φ̂ − φ̃ ≤ 0
                    int[] idx = new int[users - 1];
                    double[] coef = new double[users - 1];
                    int m = 0;
                    for (int j = 0; j < users; j++) {
                        if (j != k) {
                            idx[m] = q(n, j);
                            coef[m++] = instance.gain(n, k, j) / phiHat[n][k];
                        }
                    }
                    finite &= quadratic(builder, new DiagonalQuadratic(idx, coef, new int[] {phi(n, k)}, new double[] {-1},
                            1 / phiHat[n][k]));
                }
            }
            if (local) {
                for (int k = 0; k < users; k++) {
                    // (19b) with the bound (16): (ν̂/(2ρ̂)) ρ² + (ρ̂/(2ν̂)) ν̃² − t̃ ≤ 0
                    finite &= quadratic(builder, new DiagonalQuadratic(new int[] {irho + k, inu + k},
                            new double[] {nuHat[k] / (2 * rhoHat[k]), rhoHat[k] / (2 * nuHat[k])},
                            new int[] {it}, new double[] {-1}, 0));
                }
            }
            double[] x0 = finite ? interiorStart() : null;
            if (x0 == null || !Arrays.stream(x0).allMatch(Double::isFinite)) {
                return null;
            }
            InteriorPointResult r = ipm.solve(builder.build(), x0, deadline);
            if (r.status() == Status.NUMERICAL_ERROR || r.status() == Status.INFEASIBLE) {
                return null;
            }
            double[][] next = new double[subcarriers][users];
            for (int n = 0; n < subcarriers; n++) {
                for (int k = 0; k < users; k++) {
                    double v = Math.max(0, r.x()[q(n, k)]);
                    next[n][k] = v * v;
                }
            }
            IcaSolver.projectPowers(next);
            return next;
        }

        /** Adds {@code row·x ≤ h} when every number is finite; false (and nothing added) otherwise. */
        private static boolean linear(ConvexProblem.Builder builder, double[] row, double h) {
            if (!Double.isFinite(h) || !Arrays.stream(row).allMatch(Double::isFinite)) {
                return false;
            }
            builder.linearInequality(row, h);
            return true;
        }

        /** Adds the constraint when its coefficients are finite; false (and nothing added) otherwise. */
        private static boolean quadratic(ConvexProblem.Builder builder, DiagonalQuadratic constraint) {
            if (!constraint.finite()) {
                return false;
            }
            builder.subjectTo(constraint);
            return true;
        }

        /**
         * A strictly feasible start: powers pulled inside ({@code 0.98 p̂ + 0.01/N}), then each slack
         * set just inside its constraint, in the order φ, λ, μ, ν, t.
         */
        double[] interiorStart() {
            double[] x = new double[dim];
            double[][] p = new double[subcarriers][users];
            for (int n = 0; n < subcarriers; n++) {
                for (int k = 0; k < users; k++) {
                    p[n][k] = 0.98 * qHat[n][k] * qHat[n][k] + 0.01 / subcarriers;
                    x[q(n, k)] = Math.sqrt(p[n][k]);
                }
            }
            double t = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < users; k++) {
                double rateSum = 0;
                for (int n = 0; n < subcarriers; n++) {
                    double interference = 1;
                    for (int j = 0; j < users; j++) {
                        if (j != k) {
                            interference += p[n][j] * instance.gain(n, k, j);
                        }
                    }
                    double phi = interference / phiHat[n][k] * (1 + 1e-6) + 1e-9;
                    x[phi(n, k)] = phi;
                    double g = instance.gain(n, k, k);
                    double room = g * (2 * qHat[n][k] / phiHat[n][k] * x[q(n, k)]
                            - qHat[n][k] * qHat[n][k] / phiHat[n][k] * phi) / lambdaScale[n][k];
                    double lambda = room - 1e-6 * Math.abs(room) - 1e-9;
                    if (!(1 + lambdaScale[n][k] * lambda > 0)) {
                        return null;
                    }
                    x[lambda(n, k)] = lambda;
                    rateSum += Math.log1p(lambdaScale[n][k] * lambda);
                }
                double rateScaled = rateFactor(k) * rateSum;
                if (!(rateScaled > 0)) {
                    return null;
                }
                double mu = (1 + 1e-6) / rateScaled;
                x[imu + k] = mu;
                double nu = (mu + instance.serverTime(k) / scale) * (1 + 1e-6);
                x[inu + k] = nu;
                if (local) {
                    double rho = Math.min(1 - 1e-6, Math.max(1e-6, rhoHat[k]));
                    x[irho + k] = rho;
                    t = Math.max(t, (1 - rho) * instance.localTime(k) / scale);
                    t = Math.max(t, nuHat[k] / (2 * rhoHat[k]) * rho * rho + rhoHat[k] / (2 * nuHat[k]) * nu * nu);
                } else {
                    t = Math.max(t, nu);
                }
            }
            x[it] = t * (1 + 1e-6) + 1e-9;
            return x;
        }

        /** {@code B T / (Z_k ln 2)}: (17a) in units of the rate Z_k/T. */
        double rateFactor(int k) {
            return instance.subcarrierBandwidthHz() * scale / (instance.users().get(k).taskBits() * Math.log(2));
        }

        /** (17a) scaled: {@code 1/μ̃_k − (B T/(Z ln 2)) Σ_n ln(1 + Λ_nk λ̃_nk) ≤ 0}. */
        final class RateConstraint implements ConvexFunction {
            private final int k;
            private final double factor;

            RateConstraint(int k) {
                this.k = k;
                this.factor = rateFactor(k);
            }

            @Override
            public double value(double[] x) {
                double mu = x[imu + k];
                if (!(mu > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                double sum = 0;
                for (int n = 0; n < subcarriers; n++) {
                    double arg = 1 + lambdaScale[n][k] * x[lambda(n, k)];
                    if (!(arg > 0)) {
                        return Double.POSITIVE_INFINITY;
                    }
                    sum += Math.log(arg);
                }
                return 1 / mu - factor * sum;
            }

            @Override
            public void gradient(double[] x, double[] gradient) {
                Arrays.fill(gradient, 0);
                double mu = x[imu + k];
                gradient[imu + k] = -1 / (mu * mu);
                for (int n = 0; n < subcarriers; n++) {
                    double s = lambdaScale[n][k];
                    gradient[lambda(n, k)] = -factor * s / (1 + s * x[lambda(n, k)]);
                }
            }

            @Override
            public void addHessian(double[] x, double weight, DMatrixRMaj hessian) {
                int cols = hessian.numCols;
                double mu = x[imu + k];
                int m = imu + k;
                hessian.data[m * cols + m] += weight * 2 / (mu * mu * mu);
                for (int n = 0; n < subcarriers; n++) {
                    double s = lambdaScale[n][k];
                    double d = 1 + s * x[lambda(n, k)];
                    int i = lambda(n, k);
                    hessian.data[i * cols + i] += weight * factor * s * s / (d * d);
                }
            }
        }
    }

    /** {@code Σ d_i x_{a_i}² + Σ c_l x_{b_l} + r} with {@code d ≥ 0}: sparse, so the Hessian is diagonal. */
    static final class DiagonalQuadratic implements ConvexFunction {
        private final int[] squared;
        private final double[] d;
        private final int[] linear;
        private final double[] c;
        private final double r;

        DiagonalQuadratic(int[] squared, double[] d, int[] linear, double[] c, double r) {
            this.squared = squared;
            this.d = d;
            this.linear = linear;
            this.c = c;
            this.r = r;
        }

        boolean finite() {
            return Double.isFinite(r) && Arrays.stream(d).allMatch(Double::isFinite)
                    && Arrays.stream(c).allMatch(Double::isFinite);
        }

        @Override
        public double value(double[] x) {
            double v = r;
            for (int i = 0; i < squared.length; i++) {
                double xi = x[squared[i]];
                v += d[i] * xi * xi;
            }
            for (int l = 0; l < linear.length; l++) {
                v += c[l] * x[linear[l]];
            }
            return v;
        }

        @Override
        public void gradient(double[] x, double[] gradient) {
            Arrays.fill(gradient, 0);
            for (int i = 0; i < squared.length; i++) {
                gradient[squared[i]] += 2 * d[i] * x[squared[i]];
            }
            for (int l = 0; l < linear.length; l++) {
                gradient[linear[l]] += c[l];
            }
        }

        @Override
        public void addHessian(double[] x, double scale, DMatrixRMaj hessian) {
            int cols = hessian.numCols;
            for (int i = 0; i < squared.length; i++) {
                hessian.data[squared[i] * cols + squared[i]] += scale * 2 * d[i];
            }
        }
    }

}

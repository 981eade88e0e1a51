package org.mecopt.latency;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.vector.constrained.InequalityConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.LagrangeSolution;
import org.hipparchus.optim.nonlinear.vector.constrained.SQPOptimizerS;
import org.hipparchus.optim.nonlinear.vector.constrained.TwiceDifferentiableFunction;
import org.junit.jupiter.api.Test;
import org.mecopt.api.Result;
import org.mecopt.api.SolverRegistry;

/**
 * An independent reference for multi-carrier instances: the best of many random starts of a
 * general-purpose NLP solver (Hipparchus {@link SQPOptimizerS}), against which {@code ica} must be
 * within 1 %.
 *
 * <p>Smooth formulation in amplitudes {@code u = √p} (so p ≥ 0 needs no constraint and an
 * infeasible-path method never evaluates a negative power) and the scaled epigraph
 * {@code s = t/T} (T the interference-free bound): minimize s subject to
 * {@code 1 − Σ_n u_nk² ≥ 0} and {@code s − τ*_k(R_k(u²))/T ≥ 0}, with τ* the closed-form best
 * latency ({@link LatencyInstance#bestLatency}, smooth for R > 0). Each SQP result is re-evaluated
 * with {@link LatencyInstance#objective} after projecting onto Σ_n p ≤ 1, so a point SQP leaves
 * slightly infeasible cannot flatter the reference.
 */
class IcaReferenceTest {

    static final int STARTS = 20;

    /** The best objective over {@link #STARTS} SQP runs (equal power, then random feasible starts). */
    static double reference(LatencyInstance instance, long seed) {
        int users = instance.userCount();
        int subcarriers = instance.subcarrierCount();
        double scale = InterferenceFreeBound.lowerBound(instance);
        Random rng = new Random(seed);
        double best = Double.POSITIVE_INFINITY;
        for (int s = 0; s < STARTS; s++) {
            double[][] p = s == 0 ? Baselines.equalPower(instance) : randomPower(rng, subcarriers, users);
            double[] x0 = new double[subcarriers * users + 1];
            for (int n = 0; n < subcarriers; n++) {
                for (int k = 0; k < users; k++) {
                    x0[n * users + k] = Math.sqrt(p[n][k]);
                }
            }
            x0[x0.length - 1] = 1.01 * instance.objective(instance.solutionFor(p)) / scale;
            best = Math.min(best, instance.objective(instance.solutionFor(p)));
            try {
                LagrangeSolution sol = new SQPOptimizerS().optimize(new InitialGuess(x0),
                        new ObjectiveFunction(new Epigraph(x0.length)), new Constraints(instance, scale),
                        new MaxIter(500));
                double[] x = sol.getX().toArray();
                double[][] q = new double[subcarriers][users];
                for (int n = 0; n < subcarriers; n++) {
                    for (int k = 0; k < users; k++) {
                        q[n][k] = x[n * users + k] * x[n * users + k];
                    }
                }
                IcaSolver.projectPowers(q);
                double value = instance.objective(instance.solutionFor(q));
                if (Double.isFinite(value)) {
                    best = Math.min(best, value);
                }
            } catch (RuntimeException e) {
                // a failed start (iteration limit, singular QP) just contributes its starting point
            }
        }
        return best;
    }

    private static double[][] randomPower(Random rng, int subcarriers, int users) {
        double[][] p = new double[subcarriers][users];
        for (int k = 0; k < users; k++) {
            double total = 0.3 + 0.69 * rng.nextDouble();
            double sum = 0;
            double[] w = new double[subcarriers];
            for (int n = 0; n < subcarriers; n++) {
                w[n] = -Math.log(1 - rng.nextDouble()) + 1e-3;
                sum += w[n];
            }
            for (int n = 0; n < subcarriers; n++) {
                p[n][k] = total * w[n] / sum;
            }
        }
        return p;
    }

    /** The objective s, the last variable. */
    static final class Epigraph extends TwiceDifferentiableFunction {
        private final int dim;

        Epigraph(int dim) {
            this.dim = dim;
        }

        @Override
        public int dim() {
            return dim;
        }

        @Override
        public double value(RealVector x) {
            return x.getEntry(dim - 1);
        }

        @Override
        public RealVector gradient(RealVector x) {
            RealVector g = new ArrayRealVector(dim);
            g.setEntry(dim - 1, 1);
            return g;
        }

        @Override
        public RealMatrix hessian(RealVector x) {
            return new Array2DRowRealMatrix(dim, dim);
        }
    }

    /** {@code 1 − Σ_n u_nk² ≥ 0} (rows 0..K) and {@code s − τ*_k/T ≥ 0} (rows K..2K). */
    static final class Constraints extends InequalityConstraint {
        private final LatencyInstance instance;
        private final double scale;
        private final int users;
        private final int subcarriers;

        Constraints(LatencyInstance instance, double scale) {
            super(new ArrayRealVector(2 * instance.userCount()));
            this.instance = instance;
            this.scale = scale;
            this.users = instance.userCount();
            this.subcarriers = instance.subcarrierCount();
        }

        @Override
        public int dim() {
            return users * subcarriers + 1;
        }

        private double[][] power(RealVector x) {
            double[][] p = new double[subcarriers][users];
            for (int n = 0; n < subcarriers; n++) {
                for (int k = 0; k < users; k++) {
                    double u = x.getEntry(n * users + k);
                    p[n][k] = u * u;
                }
            }
            return p;
        }

        /** τ* in units of T; +huge at zero rate (only reachable exactly at u_k = 0). */
        private double latency(int k, double rate) {
            return rate > 0 ? instance.bestLatency(k, rate) / scale : 1e6;
        }

        @Override
        public RealVector value(RealVector x) {
            double[][] p = power(x);
            RealVector out = new ArrayRealVector(2 * users);
            double s = x.getEntry(dim() - 1);
            for (int k = 0; k < users; k++) {
                double sum = 0;
                for (int n = 0; n < subcarriers; n++) {
                    sum += p[n][k];
                }
                out.setEntry(k, 1 - sum);
                out.setEntry(users + k, s - latency(k, instance.rate(p, k)));
            }
            return out;
        }

        @Override
        public RealMatrix jacobian(RealVector x) {
            double[][] p = power(x);
            RealMatrix jac = new Array2DRowRealMatrix(2 * users, dim());
            double factor = instance.subcarrierBandwidthHz() / Math.log(2);
            for (int k = 0; k < users; k++) {
                for (int n = 0; n < subcarriers; n++) {
                    jac.setEntry(k, n * users + k, -2 * x.getEntry(n * users + k));
                }
                double rate = instance.rate(p, k);
                double z = instance.users().get(k).taskBits();
                // dτ*/dR: −Z/R² times a²/(a+b)² with local computing (τ* = ab/(a+b), b = Z/R + c)
                double dTau = rate > 0 ? -z / (rate * rate) : 0;
                if (instance.localComputing() && rate > 0) {
                    double a = instance.localTime(k);
                    double b = z / rate + instance.serverTime(k);
                    dTau *= a * a / ((a + b) * (a + b));
                }
                for (int n = 0; n < subcarriers; n++) {
                    double all = 1;
                    double interference = 1;
                    for (int j = 0; j < users; j++) {
                        double v = p[n][j] * instance.gain(n, k, j);
                        all += v;
                        if (j != k) {
                            interference += v;
                        }
                    }
                    for (int j = 0; j < users; j++) {
                        double g = instance.gain(n, k, j);
                        double dRdp = factor * (g / all - (j == k ? 0 : g / interference));
                        double dRdu = dRdp * 2 * x.getEntry(n * users + j);
                        jac.setEntry(users + k, n * users + j, -dTau * dRdu / scale);
                    }
                }
                jac.setEntry(users + k, dim() - 1, 1);
            }
            return jac;
        }
    }

    @Test
    void icaIsWithinOnePercentOfTheMultiStartReference() {
        var ica = SolverRegistry.get(LatencyInstance.class, "ica");
        var paper = SolverRegistry.get(LatencyInstance.class, "ica-paper");
        int instances = 0;
        double worst = 0;
        for (int users = 2; users <= 3; users++) {
            for (int subcarriers = 2; subcarriers <= 3; subcarriers++) {
                for (int i = 0; i < 3; i++) {
                    long seed = 1000L * users + 100L * subcarriers + i;
                    boolean local = i % 2 == 0;
                    LatencyInstance instance = LatencyProperties.random(seed, users, subcarriers, local);
                    long t0 = System.nanoTime();
                    double ref = reference(instance, seed);
                    double refMs = (System.nanoTime() - t0) / 1e6;
                    Result<LatencySolution> a = ica.solve(instance);
                    Result<LatencySolution> b = paper.solve(instance);
                    System.out.printf("K=%d N=%d local=%s seed=%d  ref %.6e (%.0f ms)  ica/ref %.6f  ica-paper/ref %.6f%n",
                            users, subcarriers, local, seed, ref, refMs, a.objective() / ref, b.objective() / ref);
                    assertTrue(a.violations().isEmpty() && b.violations().isEmpty());
                    assertTrue(a.bound() <= ref * (1 + 1e-9), "reference below the interference-free bound");
                    assertTrue(a.objective() <= 1.01 * ref, "ica " + a.objective() + " vs reference " + ref + " (seed " + seed + ")");
                    worst = Math.max(worst, a.objective() / ref);
                    instances++;
                }
            }
        }
        System.out.printf("%d instances, worst ica/reference %.6f%n", instances, worst);
    }
}

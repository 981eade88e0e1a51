package org.mecopt.latency;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hipparchus.analysis.MultivariateFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.api.Test;
import org.mecopt.api.Result;
import org.mecopt.api.SolverRegistry;
import org.mecopt.channel.ChannelModel;

/**
 * An independent reference for multi-carrier instances: the best of many random starts of a
 * general-purpose derivative-free NLP method (Hipparchus Nelder–Mead, {@link SimplexOptimizer}),
 * against which {@code ica} must be within 1 %.
 *
 * <p>Formulation: the feasible set {@code p ≥ 0, Σ_n p_nk ≤ 1} is parametrized without constraints
 * by a softmax with a slack entry, {@code p_nk = e^{y_nk} / (1 + Σ_m e^{y_mk})}, so every y is
 * feasible, and the objective is the true maximum latency {@link LatencyInstance#objective} (with
 * the best ratios) in units of the interference-free bound. The max is not smooth, so each start
 * is a Nelder–Mead run restarted from its own result with a fresh simplex until a restart gains
 * less than 1e-9 (the usual remedy for simplex stagnation).
 *
 * <p>Why not SQP: Hipparchus' {@code SQPOptimizerS} on the smooth epigraph form (amplitudes
 * {@code u = √p}, constraints {@code s ≥ τ*_k(u)/T}, {@code Σ u² ≤ 1}) threw "non symmetric
 * matrix" from its quasi-Newton update on 5 of 8 random starts and took 19–25 s on one other
 * (instance seed 2301, K = 2, N = 3); 20 starts on 12 instances did not fit the time budget.
 */
class IcaReferenceTest {

    static final int STARTS = 20;
    private static final int RESTARTS = 8;

    /** The best objective over {@link #STARTS} Nelder–Mead runs (equal power, then random starts). */
    static double reference(LatencyInstance instance, long seed) {
        int users = instance.userCount();
        int subcarriers = instance.subcarrierCount();
        double scale = InterferenceFreeBound.lowerBound(instance);
        Random rng = new Random(seed);
        MultivariateFunction objective = y -> instance.objective(instance.solutionFor(power(y, subcarriers, users))) / scale;
        double best = Double.POSITIVE_INFINITY;
        for (int s = 0; s < STARTS; s++) {
            double[][] p = s == 0 ? Baselines.equalPower(instance) : randomPower(rng, subcarriers, users);
            double[] y = logits(p);
            double value = objective.value(y);
            for (int restart = 0; restart < RESTARTS; restart++) {
                PointValuePair r;
                try {
                    r = new SimplexOptimizer(new SimpleValueChecker(1e-12, 1e-14)).optimize(new MaxEval(20_000),
                            new ObjectiveFunction(objective), GoalType.MINIMIZE, new InitialGuess(y),
                            new NelderMeadSimplex(y.length, 0.5));
                } catch (MathIllegalStateException e) {
                    break; // evaluation limit: keep what we have
                }
                boolean stalled = r.getValue() > value * (1 - 1e-9);
                if (r.getValue() < value) {
                    y = r.getPoint();
                    value = r.getValue();
                }
                if (stalled) {
                    break;
                }
            }
            best = Math.min(best, instance.objective(instance.solutionFor(power(y, subcarriers, users))));
        }
        return best;
    }

    /** {@code p_nk = e^{y_nk} / (1 + Σ_m e^{y_mk})}, with y indexed {@code n K + k}. */
    static double[][] power(double[] y, int subcarriers, int users) {
        double[][] p = new double[subcarriers][users];
        for (int k = 0; k < users; k++) {
            double top = 0;
            for (int n = 0; n < subcarriers; n++) {
                top = Math.max(top, y[n * users + k]);
            }
            double sum = Math.exp(-top);
            for (int n = 0; n < subcarriers; n++) {
                sum += Math.exp(y[n * users + k] - top);
            }
            for (int n = 0; n < subcarriers; n++) {
                p[n][k] = Math.exp(y[n * users + k] - top) / sum;
            }
        }
        return p;
    }

    /** The inverse of {@link #power} for p > 0 with Σ_n p < 1. */
    static double[] logits(double[][] p) {
        int subcarriers = p.length;
        int users = p[0].length;
        double[] y = new double[subcarriers * users];
        for (int k = 0; k < users; k++) {
            double sum = 0;
            for (int n = 0; n < subcarriers; n++) {
                sum += p[n][k];
            }
            double slack = Math.max(1 - sum, 1e-4);
            for (int n = 0; n < subcarriers; n++) {
                y[n * users + k] = Math.log(Math.max(p[n][k], 1e-12) / slack);
            }
        }
        return y;
    }

    /**
     * Interference as strong as the signals: own gains 10^[1, 3], cross gains 10^[0, 2.5], so the
     * optimum is well above the interference-free bound and power control matters.
     */
    static LatencyInstance strongInterference(long seed, int users, int subcarriers, boolean local) {
        Random rng = new Random(seed);
        double[][][] gain = new double[subcarriers][users][users];
        for (int n = 0; n < subcarriers; n++) {
            for (int k = 0; k < users; k++) {
                for (int j = 0; j < users; j++) {
                    gain[n][k][j] = k == j ? Math.pow(10, 1 + 2 * rng.nextDouble()) : Math.pow(10, 2.5 * rng.nextDouble());
                }
            }
        }
        java.util.List<LatencyUser> list = new java.util.ArrayList<>();
        for (int k = 0; k < users; k++) {
            list.add(new LatencyUser(1e3 * (0.5 + rng.nextDouble()), 1e3, 1e9));
        }
        return new LatencyInstance(5e6, 5e9, local, list, gain, null);
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

    /** Solves one instance with ica and ica-paper, prints them against the reference, returns ica/reference. */
    private static double compare(String label, LatencyInstance instance, long seed) {
        var ica = SolverRegistry.get(LatencyInstance.class, "ica");
        var paper = SolverRegistry.get(LatencyInstance.class, "ica-paper");
        var equal = SolverRegistry.get(LatencyInstance.class, "equal-power");
        long t0 = System.nanoTime();
        double ref = reference(instance, seed);
        double refMs = (System.nanoTime() - t0) / 1e6;
        Result<LatencySolution> a = ica.solve(instance);
        Result<LatencySolution> b = paper.solve(instance);
        System.out.printf("K=%d N=%d %-18s seed=%d  ref %.6e (%4.0f ms)  equal/ref %.4f  bound/ref %.4f  "
                        + "ica/ref %.6f  ica-paper/ref %.6f%n", instance.userCount(), instance.subcarrierCount(),
                label, seed, ref, refMs, equal.solve(instance).objective() / ref, a.bound() / ref,
                a.objective() / ref, b.objective() / ref);
        assertTrue(a.violations().isEmpty() && b.violations().isEmpty());
        assertTrue(a.bound() <= ref * (1 + 1e-9), "reference below the interference-free bound");
        return a.objective() / ref;
    }

    /**
     * The requirement, K ∈ {2, 3}, N ∈ {2, 3}: per shape two random-gain instances
     * ({@link LatencyProperties#random}, with and without local computing) and one generated
     * cell-free channel (M = 16). These have weak interference (the optimum is within 1 % of the
     * interference-free bound on most of them).
     */
    @Test
    void icaIsWithinOnePercentOfTheMultiStartReference() {
        double worst = 0;
        int instances = 0;
        for (int users = 2; users <= 3; users++) {
            for (int subcarriers = 2; subcarriers <= 3; subcarriers++) {
                for (int i = 0; i < 3; i++) {
                    long seed = 1000L * users + 100L * subcarriers + i;
                    boolean local = i % 2 == 0;
                    LatencyInstance instance = i < 2 ? LatencyProperties.random(seed, users, subcarriers, local)
                            : LatencyGenerator.generate(LatencyGenerator.Config.PAPER
                                    .with(ChannelModel.CELLFREE, users, 16, subcarriers), seed);
                    double ratio = compare(i < 2 ? "random local=" + local : "cellfree", instance, seed);
                    assertTrue(ratio <= 1.01, "ica / reference = " + ratio + " (seed " + seed + ")");
                    worst = Math.max(worst, ratio);
                    instances++;
                }
            }
        }
        System.out.printf("%d instances, worst ica/reference %.6f%n", instances, worst);
    }

    /**
     * Where the 1 % does NOT hold: strong interference ({@link #strongInterference}). ICA (ours and
     * the paper's) is a local method, and with interference as strong as the signals the problem
     * has several local optima: on seed 2202 (K = N = 2, local computing) the reference puts user 0
     * on subcarrier 0 and user 1 on subcarrier 1 (1.2691e-4 s) while ica converges to the other
     * near-orthogonal assignment (1.3057e-4 s, +2.9 %). We assert only what holds: feasibility,
     * bound ≤ reference, and ica within 5 % of the reference; the gaps are printed.
     */
    @Test
    void strongInterferenceHasLocalOptimaIcaCanMiss() {
        double worst = 0;
        int within = 0;
        int instances = 0;
        for (int users = 2; users <= 3; users++) {
            for (int subcarriers = 2; subcarriers <= 3; subcarriers++) {
                for (int i = 2; i < 4; i++) {
                    long seed = 1000L * users + 100L * subcarriers + i;
                    boolean local = i % 2 == 0;
                    double ratio = compare("strong local=" + local, strongInterference(seed, users, subcarriers, local), seed);
                    assertTrue(ratio <= 1.05, "ica / reference = " + ratio + " (seed " + seed + ")");
                    worst = Math.max(worst, ratio);
                    within += ratio <= 1.01 ? 1 : 0;
                    instances++;
                }
            }
        }
        System.out.printf("strong interference: ica within 1 %% on %d of %d, worst ica/reference %.6f%n", within, instances, worst);
    }
}

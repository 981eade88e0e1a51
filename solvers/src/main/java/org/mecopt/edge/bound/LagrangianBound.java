package org.mecopt.edge.bound;

import org.mecopt.api.Check;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.numeric.sigmoidal.PriceResponse;
import org.mecopt.qoe.QoeSigmoid;

/**
 * A certified upper bound on the system QoE of every feasible allocation of an {@link EdgeSystem}
 * (any task allocation, any CPU split with {@code Σ_{u on h} p_u ≤ P_h}, any user in the cloud),
 * by relaxing the servers' capacities with prices (issue 15 item 3).
 *
 * <p><b>The bound.</b> In capacity shares {@code x = p/P_h} and prices {@code μ_h = λ_h P_h ≥ 0}:
 * {@code UB(μ) = Σ_h μ_h + Σ_u max(c_u, max_h g_uh(μ_h))} with {@code g_uh(μ) = sup_{0 ≤ x ≤ 1}
 * [Ω_uh(x P_h) − μ x]} and c_u the cloud QoE. Valid for every μ ≥ 0: a feasible allocation gets
 * {@code Σ_u q_u ≤ Σ_u (q_u − μ_{h(u)} x_u) + Σ_h μ_h} (each server's shares sum to at most 1),
 * and each user's term is at most its own max. Restricting x to [0, 1] (a user never gets more than
 * its server) tightens the issue's {@code p ≥ 0} for free. The inner supremum is exact with a
 * certified upper value ({@link PriceResponse}); the bound reported is evaluated at the final prices
 * with those upper values.
 *
 * <p><b>Minimizing over μ.</b> UB is convex in μ (a sum of maxima of conjugate-like convex
 * functions) and piecewise smooth; its kinks sit where a user's best server or its cloud option
 * changes. Each coordinate's useful range is {@code [0, max_u max_x Ω'_uh]}: above it every g_uh
 * is 0 and UB only grows. Two phases:
 * <ol>
 *   <li>a sweep of exact line searches (golden section on the convex restriction) along the 7
 *       coordinates, the 21 "transfer" directions {@code e_h − e_k} and the diagonal: cheap, and
 *       most of the way (within ~4e-4 of the minimum when run to convergence, measured; it stalls
 *       at kinks joining servers, which is why it is not trusted alone);</li>
 *   <li>the central-cut ellipsoid method on the box, with Danskin subgradients, which also yields a
 *       <em>lower</em> bound on {@code min_μ UB} ({@link Result#minimumLowerBound}); it stops when
 *       the minimization is certified to {@link Settings#certifiedGap} (1e-5 by default, reached in
 *       ~1000 iterations in 7 dimensions).</li>
 * </ol>
 * Any μ gives a valid bound, so stopping early only loosens it; the certificate says by how much
 * at most.
 */
public final class LagrangianBound {

    /**
     * @param maxSweeps sweeps over all directions at most
     * @param relativeTolerance stop when a sweep lowers UB by less than this times UB
     */
    public record Settings(int maxSweeps, double relativeTolerance, int lineSteps, int ellipsoidSteps,
                           double certifiedGap) {
        public static final Settings DEFAULTS = new Settings(1, 1e-6, 25, 3000, 1e-5);

        /**
         * @param maxSweeps line-search sweeps at most
         * @param relativeTolerance stop sweeping when a sweep lowers UB by less than this times UB
         * @param lineSteps golden-section steps per line search
         * @param ellipsoidSteps ellipsoid iterations at most (0: no certificate of the minimization)
         * @param certifiedGap stop the ellipsoid once {@code (UB − lower)/UB} is below this
         */
        public Settings {
            Check.atLeast("maxSweeps", maxSweeps, 1);
            Check.nonNegative("relativeTolerance", relativeTolerance);
            Check.atLeast("lineSteps", lineSteps, 1);
            Check.atLeast("ellipsoidSteps", ellipsoidSteps, 0);
            Check.nonNegative("certifiedGap", certifiedGap);
        }
    }

    /**
     * @param value the certified bound UB(μ) at the final prices
     * @param pricePerHz λ_h = μ_h / P_h, QoE per Hz
     * @param sweeps sweeps made
     * @param responses inner suprema computed
     * @param millis wall time
     * @param minimumLowerBound a lower bound on {@code min_μ UB(μ)} from the ellipsoid's cuts
     *     (−∞ without ellipsoid steps): the Lagrangian dual's own optimum lies in
     *     {@code [minimumLowerBound, value]}, so {@link #minimizationGap} says how much a better
     *     price search could still tighten the bound
     */
    public record Result(double value, double[] pricePerHz, int sweeps, long responses, double millis,
                         double minimumLowerBound) {

        /** {@code (value − minimumLowerBound) / value}. */
        public double minimizationGap() {
            return (value - minimumLowerBound) / Math.abs(value);
        }

        public Result {
            pricePerHz = pricePerHz.clone();
        }

        @Override
        public double[] pricePerHz() {
            return pricePerHz.clone();
        }
    }

    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private final EdgeSystem system;
    private final int n;
    private final int m;
    private final QoeSigmoid[][] f;
    private final double[][] inflection;
    private final double[] cloud;
    private final double[] maxPrice;
    private long responses;
    private int lineSteps;

    private LagrangianBound(EdgeSystem system) {
        this.system = system;
        this.n = system.userCount();
        this.m = system.serverCount();
        this.f = new QoeSigmoid[n][m];
        this.inflection = new double[n][m];
        this.cloud = new double[n];
        this.maxPrice = new double[m];
        for (int u = 0; u < n; u++) {
            cloud[u] = system.cloudQoe(u);
            for (int h = 0; h < m; h++) {
                f[u][h] = system.qoeUser(u, h).sigmoid(system.capacityOf(h));
                inflection[u][h] = f[u][h].inflectionPoint(0, 1);
                // Ω' peaks at the inflection point, and sup_x Ω(x)/x ≤ max Ω' since Ω(0) = 0
                maxPrice[h] = Math.max(maxPrice[h], f[u][h].derivative(inflection[u][h]));
            }
        }
    }

    public static Result compute(EdgeSystem system) {
        return compute(system, Settings.DEFAULTS);
    }

    public static Result compute(EdgeSystem system, Settings settings) {
        long start = System.nanoTime();
        LagrangianBound b = new LagrangianBound(system);
        b.lineSteps = settings.lineSteps();
        double[] mu = new double[b.m];
        double best = b.value(mu);
        int sweeps = 0;
        double[][] directions = b.directions();
        while (sweeps < settings.maxSweeps()) {
            sweeps++;
            double before = best;
            for (double[] d : directions) {
                best = b.lineSearch(mu, d, best);
            }
            if (before - best <= settings.relativeTolerance() * Math.abs(best)) {
                break;
            }
        }
        double lower = b.ellipsoid(mu, best, settings);
        double[] perHz = new double[b.m];
        for (int h = 0; h < b.m; h++) {
            perHz[h] = mu[h] / system.capacityOf(h);
        }
        double value = b.value(mu);
        return new Result(value, perHz, sweeps, b.responses, (System.nanoTime() - start) / 1e6,
                Math.min(lower, value));
    }

    /**
     * The central-cut ellipsoid method on {@code y = μ / maxPrice ∈ [0, 1]^m}, started from the ball
     * around the box, which holds a minimizer (above maxPrice UB only grows). Each objective cut
     * through a center y_j with subgradient g_j keeps every minimizer, so
     * {@code min UB ≥ UB(y_j) − √(g_jᵀ P_j g_j)} (the least of the supporting plane over the
     * ellipsoid) is a valid lower bound at every step. The subgradient is Danskin's:
     * {@code ∂UB/∂μ_h = 1 − Σ_{u served best by h} x*_uh}. Moves {@code mu} to the best center if it
     * beats the line searches, and returns the best lower bound.
     */
    private double ellipsoid(double[] mu, double best, Settings settings) {
        if (settings.ellipsoidSteps() == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] scale = new double[m];
        double[] y = new double[m];
        double[][] p = new double[m][m];
        for (int h = 0; h < m; h++) {
            scale[h] = maxPrice[h] > 0 ? maxPrice[h] : 1;
            y[h] = 0.5;
            p[h][h] = 0.25 * m * (1 + 1e-9);
        }
        double lower = Double.NEGATIVE_INFINITY;
        double bestValue = best;
        double[] g = new double[m];
        double[] pg = new double[m];
        double[] trial = new double[m];
        for (int k = 0; k < settings.ellipsoidSteps(); k++) {
            int outside = -1;
            for (int h = 0; h < m && outside < 0; h++) {
                outside = y[h] < 0 || y[h] > 1 ? h : -1;
            }
            java.util.Arrays.fill(g, 0);
            if (outside >= 0) {
                g[outside] = y[outside] < 0 ? -1 : 1; // a feasibility cut: keep the box
            } else {
                for (int h = 0; h < m; h++) {
                    trial[h] = y[h] * scale[h];
                }
                double f = valueAndSubgradient(trial, g);
                for (int h = 0; h < m; h++) {
                    g[h] *= scale[h];
                }
                if (f < bestValue) {
                    bestValue = f;
                    System.arraycopy(trial, 0, mu, 0, m);
                }
                double width = Math.sqrt(quadratic(p, g, pg));
                lower = Math.max(lower, f - width);
                if (bestValue - lower <= settings.certifiedGap() * Math.abs(bestValue)) {
                    break;
                }
            }
            double norm = Math.sqrt(quadratic(p, g, pg));
            if (!(norm > 0)) {
                boolean zero = true;
                for (int h = 0; h < m; h++) {
                    zero &= g[h] == 0;
                }
                if (zero && outside < 0) {
                    lower = Math.max(lower, bestValue); // a zero subgradient at a feasible center: a minimizer
                }
                break; // otherwise the ellipsoid degenerated numerically: keep the lower bound proven so far
            }
            for (int h = 0; h < m; h++) {
                pg[h] /= norm;
                y[h] -= pg[h] / (m + 1);
            }
            if (m == 1) {
                p[0][0] *= 0.25; // the central cut halves the interval (the general update is 0 · ∞ here)
                continue;
            }
            double factor = (double) m * m / ((double) m * m - 1);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    p[i][j] = factor * (p[i][j] - 2.0 / (m + 1) * pg[i] * pg[j]);
                }
            }
        }
        return lower;
    }

    /** {@code gᵀ P g}, writing {@code P g} to {@code pg}. */
    private double quadratic(double[][] p, double[] g, double[] pg) {
        double q = 0;
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += p[i][j] * g[j];
            }
            pg[i] = s;
            q += g[i] * s;
        }
        return q;
    }

    /** UB(μ) and a subgradient in μ, written to {@code g}. */
    private double valueAndSubgradient(double[] mu, double[] g) {
        double total = 0;
        for (int h = 0; h < m; h++) {
            total += mu[h];
            g[h] = 1;
        }
        for (int u = 0; u < n; u++) {
            double best = cloud[u];
            int arg = -1;
            double slope = 0;
            for (int h = 0; h < m; h++) {
                responses++;
                PriceResponse r = PriceResponse.of(f[u][h], mu[h], 0, 1, inflection[u][h]);
                if (r.upperBound() > best) {
                    best = r.upperBound();
                    arg = h;
                    slope = r.slope();
                }
            }
            total += best;
            if (arg >= 0) {
                g[arg] += slope;
            }
        }
        return total;
    }

    /** UB at given prices per Hz (each ≥ 0): valid whatever the prices. */
    public static double value(EdgeSystem system, double[] pricePerHz) {
        LagrangianBound b = new LagrangianBound(system);
        if (pricePerHz.length != b.m) {
            throw new IllegalArgumentException(pricePerHz.length + " prices for " + b.m + " servers");
        }
        double[] mu = new double[b.m];
        for (int h = 0; h < b.m; h++) {
            Check.nonNegative("pricePerHz[" + h + "]", pricePerHz[h]);
            mu[h] = pricePerHz[h] * system.capacityOf(h);
        }
        return b.value(mu);
    }

    private double[][] directions() {
        double[][] d = new double[m + m * (m - 1) / 2 + 1][];
        int k = 0;
        for (int h = 0; h < m; h++) {
            d[k] = new double[m];
            d[k++][h] = 1;
        }
        for (int h = 0; h < m; h++) {
            for (int j = h + 1; j < m; j++) {
                d[k] = new double[m];
                d[k][h] = 1;
                d[k++][j] = -1;
            }
        }
        d[k] = new double[m];
        java.util.Arrays.fill(d[k], 1);
        return d;
    }

    /** UB(μ) with the certified upper suprema. */
    private double value(double[] mu) {
        double total = 0;
        for (int h = 0; h < m; h++) {
            total += mu[h];
        }
        for (int u = 0; u < n; u++) {
            double best = cloud[u];
            for (int h = 0; h < m; h++) {
                best = Math.max(best, response(u, h, mu[h]));
            }
            total += best;
        }
        return total;
    }

    private double response(int u, int h, double mu) {
        responses++;
        return PriceResponse.of(f[u][h], mu, 0, 1, inflection[u][h]).upperBound();
    }

    /**
     * Minimizes the convex {@code t ↦ UB(μ + t d)} over the t keeping μ in {@code [0, maxPrice]}
     * by golden section, and moves μ there if that lowers UB; returns the new UB.
     */
    private double lineSearch(double[] mu, double[] d, double current) {
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        int support = 0;
        for (int h = 0; h < m; h++) {
            if (d[h] > 0) {
                lo = Math.max(lo, -mu[h] / d[h]);
                hi = Math.min(hi, (maxPrice[h] - mu[h]) / d[h]);
            } else if (d[h] < 0) {
                lo = Math.max(lo, (maxPrice[h] - mu[h]) / d[h]);
                hi = Math.min(hi, -mu[h] / d[h]);
            }
            support += d[h] != 0 ? 1 : 0;
        }
        if (!(hi > lo) || support == 0) {
            return current;
        }
        // the other servers' best suprema and the cloud stay fixed along d
        double[] fixed = new double[n];
        double fixedPrices = 0;
        for (int h = 0; h < m; h++) {
            if (d[h] == 0) {
                fixedPrices += mu[h];
            }
        }
        for (int u = 0; u < n; u++) {
            double best = cloud[u];
            for (int h = 0; h < m; h++) {
                if (d[h] == 0) {
                    best = Math.max(best, response(u, h, mu[h]));
                }
            }
            fixed[u] = best;
        }
        double a = lo;
        double b = hi;
        double x1 = b - GOLDEN * (b - a);
        double x2 = a + GOLDEN * (b - a);
        double f1 = along(mu, d, x1, fixed, fixedPrices);
        double f2 = along(mu, d, x2, fixed, fixedPrices);
        for (int k = 0; k < lineSteps; k++) {
            if (f1 <= f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - GOLDEN * (b - a);
                f1 = along(mu, d, x1, fixed, fixedPrices);
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + GOLDEN * (b - a);
                f2 = along(mu, d, x2, fixed, fixedPrices);
            }
        }
        double t = f1 <= f2 ? x1 : x2;
        double ft = Math.min(f1, f2);
        if (ft < current) {
            for (int h = 0; h < m; h++) {
                mu[h] = Math.max(0, mu[h] + t * d[h]);
            }
            return ft;
        }
        return current;
    }

    private double along(double[] mu, double[] d, double t, double[] fixed, double fixedPrices) {
        double total = fixedPrices;
        double[] moved = new double[m];
        for (int h = 0; h < m; h++) {
            if (d[h] != 0) {
                moved[h] = Math.max(0, mu[h] + t * d[h]);
                total += moved[h];
            }
        }
        for (int u = 0; u < n; u++) {
            double best = fixed[u];
            for (int h = 0; h < m; h++) {
                if (d[h] != 0) {
                    best = Math.max(best, response(u, h, moved[h]));
                }
            }
            total += best;
        }
        return total;
    }
}

package org.mecopt.offloading;

/**
 * A proven lower bound on the summed delay {@code M·D} of any feasible assignment, from the
 * Lagrangian dual of the continuous relaxation.
 *
 * <p>Write the relaxation as {@code min Σ_n w_n²/F_n + Σ_mn tx_mn x_mn} with {@code w_n = Σ_m √C_m x_mn},
 * {@code Σ_n x_mn = 1}, {@code Σ_m x_mn ≤ cap_n}, {@code x ≥ 0}. Dualizing the load definitions
 * (λ) and the capacities (μ ≥ 0) gives, for every λ ≥ 0 and μ ≥ 0,
 * <pre>  q(λ, μ) = −Σ_n F_n λ_n²/4 + Σ_m min_n (tx_mn + λ_n √C_m + μ_n) − Σ_n μ_n cap_n  ≤  OPT,</pre>
 * so any iterate is a valid bound and no LP or QP solver is needed. The relaxation is convex, so
 * the dual's maximum equals the relaxation's optimum. We maximize q by projected supergradient
 * ascent with Polyak steps towards the incumbent's value, started from the incumbent's loads
 * ({@code λ_n = 2 w_n/F_n}, the slope of the server cost there). Each iteration costs O(MN); the
 * ascent stops early when a window of iterations raises the bound by less than 1e-6 relative.
 * Why hand-written: q is non-smooth and tiny to evaluate; a general QP on M·N variables would be
 * orders of magnitude slower for the large instances where the bound matters.
 */
final class RelaxationBound {
    /** Iterations between progress checks, and the relative progress a window must make to go on. */
    static final int STALL_WINDOW = 50;
    static final double STALL_TOLERANCE = 1e-6;

    private RelaxationBound() {
    }

    /**
     * The best dual value found.
     *
     * @param incumbent a feasible assignment whose loads seed λ (not modified)
     * @param incumbentTotal its summed delay, the Polyak target
     * @param iterations ascent iterations (each O(MN))
     */
    static double lowerBound(AssignmentCosts c, int[] incumbent, double incumbentTotal, int iterations) {
        return maximize(c, incumbent, incumbentTotal, iterations).value();
    }

    /**
     * The best dual point found: its value and the multipliers there, which {@code exact}'s branch
     * and bound reuses for its reduced costs.
     *
     * @param value {@code q(lambda, mu)}, a lower bound on the summed delay
     * @param lambda the load multipliers λ_n, seconds per unit of workload √C
     * @param mu the capacity multipliers μ_n ≥ 0, seconds per task
     */
    record Dual(double value, double[] lambda, double[] mu) {
    }

    /** As {@link #lowerBound}, with the multipliers where the best value was reached. */
    static Dual maximize(AssignmentCosts c, int[] incumbent, double incumbentTotal, int iterations) {
        int n = c.servers;
        double scale = 0;
        for (double w : c.work) {
            scale += w;
        }
        scale /= c.devices;
        // Variables are scaled, lambda = scaledLambda / scale, so both gradient blocks count devices.
        double[] lambda = new double[n];
        double[] mu = new double[n];
        double[] load = new double[n];
        for (int m = 0; m < c.devices; m++) {
            load[incumbent[m]] += c.work[m];
        }
        for (int s = 0; s < n; s++) {
            lambda[s] = 2 * load[s] / c.cpu[s] * scale;
        }
        double[] slope = new double[n];
        double[] gLambda = new double[n];
        double[] gMu = new double[n];
        double best = Double.NEGATIVE_INFINITY;
        double[] bestLambda = new double[n];
        double[] bestMu = new double[n];
        double theta = 1.0;
        int sinceImproved = 0;
        double checkpoint = Double.NEGATIVE_INFINITY;
        for (int it = 0; it < iterations; it++) {
            if (it % STALL_WINDOW == 0) {
                // stop once a window of iterations no longer moves the bound meaningfully
                if (best - checkpoint <= STALL_TOLERANCE * Math.abs(incumbentTotal)) {
                    break;
                }
                checkpoint = best;
            }
            double q = 0;
            for (int s = 0; s < n; s++) {
                double l = lambda[s] / scale;
                slope[s] = l;
                q -= c.cpu[s] * l * l / 4 + mu[s] * c.capacity[s];
                gLambda[s] = -c.cpu[s] * l / 2;
                gMu[s] = -c.capacity[s];
            }
            for (int m = 0; m < c.devices; m++) {
                double[] tx = c.tx[m];
                double w = c.work[m];
                int arg = 0;
                double min = Double.POSITIVE_INFINITY;
                for (int s = 0; s < n; s++) {
                    double v = tx[s] + slope[s] * w + mu[s];
                    if (v < min) {
                        min = v;
                        arg = s;
                    }
                }
                q += min;
                gLambda[arg] += w;
                gMu[arg] += 1;
            }
            if (q > best) {
                best = q;
                System.arraycopy(slope, 0, bestLambda, 0, n);
                System.arraycopy(mu, 0, bestMu, 0, n);
                sinceImproved = 0;
            } else if (++sinceImproved >= 10) {
                theta /= 2;
                sinceImproved = 0;
            }
            double norm = 0;
            for (int s = 0; s < n; s++) {
                gLambda[s] /= scale; // d q / d(scaled lambda)
                norm += gLambda[s] * gLambda[s] + gMu[s] * gMu[s];
            }
            if (norm == 0 || best >= incumbentTotal) {
                break;
            }
            double step = theta * (incumbentTotal - q) / norm;
            for (int s = 0; s < n; s++) {
                lambda[s] = Math.max(0, lambda[s] + step * gLambda[s]);
                mu[s] = Math.max(0, mu[s] + step * gMu[s]);
            }
        }
        return new Dual(best, bestLambda, bestMu);
    }
}

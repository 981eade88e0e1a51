package org.mecopt.edge.bound;

import java.util.ArrayList;
import java.util.List;
import org.mecopt.api.Status;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.numeric.sigmoidal.FallbackSigmoid;
import org.mecopt.numeric.sigmoidal.Sigmoid;
import org.mecopt.numeric.sigmoidal.SigmoidalProgram;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;

/**
 * The optimal task and compute allocation of a small {@link EdgeSystem} (|U| ≤ {@link #MAX_USERS}),
 * to measure how tight {@link LagrangianBound} is. For every server h and every subset S of users,
 * the best value {@code V_h(S)} of serving S on h (cloud fallback included) is certified by the
 * sigmoidal branch and bound to a relative gap of 1e-9: {@code V_h(S) ∈ [lower, upper]}. The best
 * allocation is a partition of the users among the servers, found by dynamic programming over
 * servers and subsets, {@code best_k(T) = max_{S ⊆ T} best_{k−1}(T∖S) + V_k(S)}, in
 * {@code O(|H| 3^|U|)}; once on the lower values (a feasible allocation) and once on the upper
 * values, so the optimum lies in {@code [lower, upper]}. Sending a user to the cloud directly is
 * never better than putting it on a server with fallback, so partitions cover every allocation.
 */
public final class ExactAllocation {

    /** 7 · 3^12 ≈ 3.7M subset pairs and 7 · 4096 server solves: seconds. */
    public static final int MAX_USERS = 12;

    /**
     * @param lower the system QoE of {@code assignment} (feasible)
     * @param upper a certified upper value of the optimum
     * @param assignment the best allocation found (server per user)
     */
    public record Result(double lower, double upper, int[] assignment) {
        public Result {
            assignment = assignment.clone();
        }

        @Override
        public int[] assignment() {
            return assignment.clone();
        }
    }

    private ExactAllocation() {
    }

    public static Result solve(EdgeSystem system) {
        int n = system.userCount();
        int m = system.serverCount();
        if (n > MAX_USERS) {
            throw new IllegalArgumentException("users = " + n + ": the exact allocation takes at most " + MAX_USERS);
        }
        SigmoidalProgramming solver = new SigmoidalProgramming(
                SigmoidalProgramming.Settings.DEFAULTS.withRelativeGap(1e-9));
        int subsets = 1 << n;
        double[] cloud = new double[n];
        for (int u = 0; u < n; u++) {
            cloud[u] = system.cloudQoe(u);
        }
        double[][] lo = new double[m][subsets];
        double[][] up = new double[m][subsets];
        for (int h = 0; h < m; h++) {
            for (int s = 1; s < subsets; s++) {
                List<Sigmoid> fs = new ArrayList<>();
                double base = 0;
                for (int u = 0; u < n; u++) {
                    if ((s >> u & 1) != 0) {
                        fs.add(new FallbackSigmoid(system.qoeUser(u, h).sigmoid(system.capacityOf(h)), cloud[u]));
                        base += cloud[u];
                    }
                }
                SigmoidalProgramming.Certificate c = solver.solve(SigmoidalProgram.ofCapacity(fs, 1));
                if (c.status() != Status.OPTIMAL) {
                    throw new IllegalStateException("server " + h + ", users " + Integer.toBinaryString(s) + ": "
                            + c.status() + " " + c.message());
                }
                lo[h][s] = base + c.value();
                up[h][s] = base + c.upperBound();
            }
        }
        double[] bestLo = lo[0].clone();
        double[] bestUp = up[0].clone();
        int[][] choice = new int[m][subsets]; // subset given to server k in best_k(T)
        for (int t = 0; t < subsets; t++) {
            choice[0][t] = t;
        }
        for (int k = 1; k < m; k++) {
            double[] nextLo = new double[subsets];
            double[] nextUp = new double[subsets];
            for (int t = 1; t < subsets; t++) {
                double bl = bestLo[t];
                double bu = bestUp[t];
                int pick = 0;
                for (int s = t; s > 0; s = (s - 1) & t) {
                    double vl = bestLo[t & ~s] + lo[k][s];
                    if (vl > bl) {
                        bl = vl;
                        pick = s;
                    }
                    bu = Math.max(bu, bestUp[t & ~s] + up[k][s]);
                }
                nextLo[t] = bl;
                nextUp[t] = bu;
                choice[k][t] = pick;
            }
            bestLo = nextLo;
            bestUp = nextUp;
        }
        int[] assignment = new int[n];
        int t = subsets - 1;
        for (int k = m - 1; k >= 0 && t != 0; k--) {
            int s = choice[k][t];
            for (int u = 0; u < n; u++) {
                if ((s >> u & 1) != 0) {
                    assignment[u] = k;
                }
            }
            t &= ~s;
        }
        return new Result(bestLo[subsets - 1], bestUp[subsets - 1], assignment);
    }
}

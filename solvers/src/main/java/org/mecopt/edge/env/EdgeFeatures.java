package org.mecopt.edge.env;

import java.util.List;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.edge.EdgeUser;

/**
 * The observation, state and action encoding of seed 003's task allocation (§IV, eqs. (18)–(22),
 * MODEL.md §6), shared by {@link EdgeAllocationEnv} and by learned policies that act on a given
 * {@link EdgeSystem} outside the environment.
 *
 * <p><b>Rows.</b> Every matrix has one row per user index u, {@link #FEATURES} = 9 columns, and is
 * flattened row-major ({@code u * 9 + k}). Columns, each mapped affinely with <em>fixed</em>
 * constants from Table III (not from the environment's configuration, so a policy trained on the
 * default setting reads a shifted β mean or a larger V^T of Fig. 9/10 as shifted inputs, not as
 * the same numbers):
 * <ol start="0">
 *   <li>connected RAN h (the paper's {@code h} / {@code u_h}): {@code (h + 1)/|H|}, in (0, 1], so a
 *       real row is never all-zero;</li>
 *   <li>V^T: {@code (KB − 200)/600};</li>
 *   <li>V^R: {@code (KB − 10)/10};</li>
 *   <li>κ: {@code (cycles/bit − 228)/100};</li>
 *   <li>α: {@code (α − 15/s)/(16/s)}, i.e. z-score / 4;</li>
 *   <li>β: {@code (β − 0.350 s)/(0.040 s)}, z-score / 4;</li>
 *   <li>distance to the RAN: {@code (m − 30)/70};</li>
 *   <li>bandwidth: {@code (Hz − 16e6)/40e6};</li>
 *   <li>noise: {@code (dBm + 120)/40}.</li>
 * </ol>
 * With the Table III setting the uniform columns lie in [0, 1] and α, β within ±1 but for 4σ
 * draws. The observation of server h keeps the rows of the users connected to h (its "CA users")
 * and zeros elsewhere (eq. (18) and the text after (19)); the state holds every row (eq. (19)).
 *
 * <p><b>Actions.</b> Each server's action is a {@code |U| × |H|} matrix in [0, 1] (eq. (20)),
 * flattened row-major ({@code u * |H| + j}). Only the rows of the server's own connected users are
 * read: the user's <em>connected server</em> decides for it, and the executed server is the argmax
 * of that row (eq. (21); ties go to the lowest index). Rows need not sum to one: the argmax is all
 * that is executed, and a learner emitting softmax rows matches the paper.
 */
public final class EdgeFeatures {

    /** Columns per user row. */
    public static final int FEATURES = 9;

    private EdgeFeatures() {
    }

    /** The feature row of user u, written to {@code out[offset … offset + 8]}. */
    public static void row(EdgeSystem system, int u, double[] out, int offset) {
        EdgeUser user = system.users().get(u);
        out[offset] = (user.connectedServer() + 1.0) / system.serverCount();
        out[offset + 1] = (user.taskBits() / 8e3 - 200) / 600;
        out[offset + 2] = (user.resultBits() / 8e3 - 10) / 10;
        out[offset + 3] = (user.cyclesPerBit() - 228) / 100;
        out[offset + 4] = (user.steepnessPerS() - 15) / 16;
        out[offset + 5] = (user.midpointS() - 0.350) / 0.040;
        out[offset + 6] = (user.distanceM() - 30) / 70;
        out[offset + 7] = (user.bandwidthHz() - 16e6) / 40e6;
        out[offset + 8] = (user.noiseDbm() + 120) / 40;
    }

    /** The global state, eq. (19): every user's row. */
    public static double[] state(EdgeSystem system) {
        double[] s = new double[system.userCount() * FEATURES];
        for (int u = 0; u < system.userCount(); u++) {
            row(system, u, s, u * FEATURES);
        }
        return s;
    }

    /** Server h's observation, eq. (18): its connected users' rows, zeros elsewhere. */
    public static double[] observation(EdgeSystem system, int server) {
        double[] o = new double[system.userCount() * FEATURES];
        for (int u = 0; u < system.userCount(); u++) {
            if (system.users().get(u).connectedServer() == server) {
                row(system, u, o, u * FEATURES);
            }
        }
        return o;
    }

    /**
     * The executed task allocation, eq. (21): user u goes to the argmax of row u of its connected
     * server's action.
     *
     * @param actions one {@code |U| × |H|} matrix per server, in server order
     * @return the edge server of every user (the compute allocation may still send it to the cloud)
     */
    public static int[] decide(EdgeSystem system, List<double[]> actions) {
        int m = system.serverCount();
        int n = system.userCount();
        if (actions.size() != m) {
            throw new IllegalArgumentException(actions.size() + " actions for " + m + " servers");
        }
        int[] assignment = new int[n];
        for (int u = 0; u < n; u++) {
            double[] a = actions.get(system.users().get(u).connectedServer());
            if (a.length != n * m) {
                throw new IllegalArgumentException("an action of length " + a.length + ", expected " + n * m);
            }
            int best = 0;
            for (int j = 1; j < m; j++) {
                if (a[u * m + j] > a[u * m + best]) {
                    best = j;
                }
            }
            assignment[u] = best;
        }
        return assignment;
    }
}

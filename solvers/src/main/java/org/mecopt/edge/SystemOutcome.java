package org.mecopt.edge;

/**
 * The result of one task allocation plus compute allocation in an {@link EdgeSystem}, with seed
 * 003's metrics (§VI-A).
 *
 * @param server {@code server[u]} is the edge server processing u's task, or −1 for the cloud
 * @param allocationHz CPU rate given to u (the cloud's per-task rate for cloud users)
 * @param qoe u's QoE
 * @param latencyS u's service latency D_u, eq. (9)
 */
public record SystemOutcome(int[] server, double[] allocationHz, double[] qoe, double[] latencyS) {

    /** QoE at or above which a user is satisfied (SU). */
    public static final double SATISFIED = 0.9;
    /** QoE at or below which a user is lost (GU, "extremely disturbed"). */
    public static final double LOST = 0.1;

    public SystemOutcome {
        server = server.clone();
        allocationHz = allocationHz.clone();
        qoe = qoe.clone();
        latencyS = latencyS.clone();
    }

    /** System QoE: Σ_u QoE_u. */
    public double systemQoe() {
        double s = 0;
        for (double q : qoe) {
            s += q;
        }
        return s;
    }

    /** Mean service latency over all users, s. */
    public double meanLatencyS() {
        double s = 0;
        for (double d : latencyS) {
            s += d;
        }
        return s / latencyS.length;
    }

    /** Users with QoE ≥ 0.9 (SU). */
    public int satisfied() {
        int c = 0;
        for (double q : qoe) {
            c += q >= SATISFIED ? 1 : 0;
        }
        return c;
    }

    /** Users with 0.1 < QoE < 0.9 (DU). */
    public int disturbed() {
        int c = 0;
        for (double q : qoe) {
            c += q > LOST && q < SATISFIED ? 1 : 0;
        }
        return c;
    }

    /** Users with QoE ≤ 0.1 (GU). */
    public int lost() {
        int c = 0;
        for (double q : qoe) {
            c += q <= LOST ? 1 : 0;
        }
        return c;
    }

    /** Users whose task goes to the cloud (CU). */
    public int cloud() {
        int c = 0;
        for (int h : server) {
            c += h < 0 ? 1 : 0;
        }
        return c;
    }
}

package org.mecopt.edge;

import java.util.List;
import org.mecopt.qoe.QoeUser;

/**
 * The seed-003 distributed edge system (§III, MODEL.md §3): edge servers with CPU capacities, links
 * between their RANs, a remote cloud, and users each connected to one RAN. A user's task is
 * processed on one edge server or in the cloud:
 * <ul>
 *   <li>on server h: latency {@code d^c + d^f(i,h) + η_u^h V^T κ / p}, where p is the CPU share h
 *       gives it and {@code d^f(i,h) = (V^T + V^R)/B_ih + 2δ_ih} for {@code h ≠ i} (eq. (6)), 0 for
 *       the connected server i;</li>
 *   <li>in the cloud: {@code d^c + (V^T + V^R)/B_cloud + 2δ_cloud + V^T κ / P_cloud}, with a
 *       dedicated {@code P_cloud} per task and η = 1 (the paper gives no η for the cloud).</li>
 * </ul>
 *
 * @param serverCapacityHz P^h per edge server
 * @param linkRateBps B_ij between RANs (symmetric; the diagonal is unused)
 * @param linkDelayS δ_ij between RANs (symmetric; the diagonal is unused)
 * @param cloudRateBps rate between any RAN and the cloud (100 Mbps)
 * @param cloudDelayS propagation delay to the cloud (0.2 s)
 * @param cloudCpuHz CPU rate per task in the cloud (20 GHz)
 * @param users the users
 */
public record EdgeSystem(double[] serverCapacityHz, double[][] linkRateBps, double[][] linkDelayS, double cloudRateBps,
                         double cloudDelayS, double cloudCpuHz, List<EdgeUser> users) {

    public EdgeSystem {
        serverCapacityHz = serverCapacityHz.clone();
        linkRateBps = deepCopy(linkRateBps);
        linkDelayS = deepCopy(linkDelayS);
        users = List.copyOf(users);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    public int serverCount() {
        return serverCapacityHz.length;
    }

    public int userCount() {
        return users.size();
    }

    public double capacityOf(int h) {
        return serverCapacityHz[h];
    }

    /** d^f of user u if processed on server h, eq. (6). */
    public double forwardingLatency(int u, int h) {
        EdgeUser user = users.get(u);
        int i = user.connectedServer();
        return i == h ? 0 : (user.taskBits() + user.resultBits()) / linkRateBps[i][h] + 2 * linkDelayS[i][h];
    }

    /** User u as a single-server QoE user of server h. */
    public QoeUser qoeUser(int u, int h) {
        EdgeUser user = users.get(u);
        return new QoeUser(user.wirelessLatencyS() + forwardingLatency(u, h),
                user.etaOn(h) * user.taskBits() * user.cyclesPerBit(), user.maxQoe(), user.steepnessPerS(),
                user.midpointS());
    }

    /** Service latency of user u in the cloud, s. */
    public double cloudLatency(int u) {
        EdgeUser user = users.get(u);
        return user.wirelessLatencyS() + (user.taskBits() + user.resultBits()) / cloudRateBps + 2 * cloudDelayS
                + user.taskBits() * user.cyclesPerBit() / cloudCpuHz;
    }

    /** QoE of user u in the cloud. */
    public double cloudQoe(int u) {
        return users.get(u).qoeAtLatency(cloudLatency(u));
    }
}

package org.mecopt.edge;

import java.util.ArrayList;
import java.util.List;
import org.mecopt.api.Status;
import org.mecopt.numeric.sigmoidal.FallbackSigmoid;
import org.mecopt.numeric.sigmoidal.Sigmoid;
import org.mecopt.numeric.sigmoidal.SigmoidalProgram;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;
import org.mecopt.qoe.QoeUser;

/**
 * Completes a task allocation (user → edge server) of an {@link EdgeSystem}: each server splits
 * its CPU among its users by {@link SigmoidalProgramming}, where each user may still go to the
 * cloud (seed 003 §III-A: "further offloaded to the RCS if it can achieve higher QoS"). The cloud
 * option is folded into the sigmoidal program exactly: user u contributes
 * {@code c_u + max(QoE_u(p) − c_u, 0)} with {@code c_u} its cloud QoE, a {@link FallbackSigmoid};
 * users whose share gives no more than {@code c_u} go to the cloud and free their share.
 *
 * <p>Stateless apart from its settings; {@link #serverValue} is what allocators search with.
 */
public final class EdgeEvaluator {

    private final EdgeSystem system;
    private final SigmoidalProgramming solver;
    private final double[] cloudQoe;

    public EdgeEvaluator(EdgeSystem system, SigmoidalProgramming.Settings settings) {
        this.system = system;
        this.solver = new SigmoidalProgramming(settings);
        this.cloudQoe = new double[system.userCount()];
        for (int u = 0; u < cloudQoe.length; u++) {
            cloudQoe[u] = system.cloudQoe(u);
        }
    }

    public EdgeSystem system() {
        return system;
    }

    public double cloudQoe(int u) {
        return cloudQoe[u];
    }

    /** The best system QoE of the users {@code members} on server h (cloud fallback included). */
    public double serverValue(int h, List<Integer> members) {
        if (members.isEmpty()) {
            return 0;
        }
        double base = 0;
        for (int u : members) {
            base += cloudQoe[u];
        }
        return base + solve(h, members).value();
    }

    private SigmoidalProgramming.Certificate solve(int h, List<Integer> members) {
        List<Sigmoid> f = new ArrayList<>(members.size());
        double capacity = system.capacityOf(h);
        for (int u : members) {
            f.add(new FallbackSigmoid(system.qoeUser(u, h).sigmoid(capacity), cloudQoe[u]));
        }
        SigmoidalProgramming.Certificate c = solver.solve(SigmoidalProgram.ofCapacity(f, 1));
        if (c.status() == Status.INFEASIBLE || c.x() == null) {
            throw new IllegalStateException("server " + h + ": " + c.message());
        }
        return c;
    }

    /** Users per server for an assignment (entries −1 are sent to the cloud directly). */
    public List<List<Integer>> members(int[] assignment) {
        List<List<Integer>> on = new ArrayList<>();
        for (int h = 0; h < system.serverCount(); h++) {
            on.add(new ArrayList<>());
        }
        for (int u = 0; u < assignment.length; u++) {
            if (assignment[u] >= 0) {
                on.get(assignment[u]).add(u);
            }
        }
        return on;
    }

    /** The full outcome of an assignment: allocations, QoE, latency, who goes to the cloud. */
    public SystemOutcome evaluate(int[] assignment) {
        int n = system.userCount();
        int[] server = new int[n];
        double[] p = new double[n];
        double[] q = new double[n];
        double[] d = new double[n];
        for (int u = 0; u < n; u++) {
            server[u] = -1;
            p[u] = system.cloudCpuHz();
            q[u] = cloudQoe[u];
            d[u] = system.cloudLatency(u);
        }
        List<List<Integer>> on = members(assignment);
        for (int h = 0; h < on.size(); h++) {
            List<Integer> members = on.get(h);
            if (members.isEmpty()) {
                continue;
            }
            double[] x = solve(h, members).x();
            for (int k = 0; k < members.size(); k++) {
                int u = members.get(k);
                QoeUser user = system.qoeUser(u, h);
                double share = x[k] * system.capacityOf(h);
                double qoe = user.qoe(share);
                if (qoe > cloudQoe[u]) {
                    server[u] = h;
                    p[u] = share;
                    q[u] = qoe;
                    d[u] = user.latency(share);
                }
            }
        }
        return new SystemOutcome(server, p, q, d);
    }
}

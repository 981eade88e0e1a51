package org.mecopt.qoe;

import java.util.ArrayList;
import java.util.List;
import org.mecopt.api.Check;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Problem;
import org.mecopt.numeric.sigmoidal.Sigmoid;
import org.mecopt.numeric.sigmoidal.SigmoidalProgram;

/**
 * QoE-maximizing compute allocation on one edge server (seed 003 problem P2, MODEL.md §3):
 * {@code maximize Σ_u QoE_u(p_u) s.t. Σ_u p_u ≤ capacityHz, p ≥ 0}. A maximization: the
 * result's bound is an upper bound.
 *
 * <p>Immutable and validated at construction: a bad field throws {@link InvalidInstanceException}
 * naming it, e.g. {@code users[2].steepnessPerS = -1.0 is outside [1e-6, 1e6]} (the ranges: {@link QoeRanges}).
 *
 * @param capacityHz the server's CPU capacity P in cycles/s
 * @param users the users it serves
 */
public record QoeInstance(double capacityHz, List<QoeUser> users) implements Problem<QoeSolution> {

    /** Relative slack allowed on the capacity sum when a solution is checked. */
    public static final double CAPACITY_TOLERANCE = 1e-9;
    /** Absolute slack allowed between a solution's reported and recomputed QoE. */
    public static final double QOE_TOLERANCE = 1e-9;

    public QoeInstance {
        QoeRanges.CAPACITY_HZ.check("capacityHz", capacityHz);
        users = Check.elements("users", users);
        Check.atLeast("users.length", users.size(), 1);
        for (int u = 0; u < users.size(); u++) {
            QoeUser user = users.get(u);
            QoeRanges.FIXED_LATENCY_S.check("users[" + u + "].fixedLatencyS", user.fixedLatencyS());
            QoeRanges.WORKLOAD_CYCLES.check("users[" + u + "].workloadCycles", user.workloadCycles());
            QoeRanges.MAX_QOE.check("users[" + u + "].maxQoe", user.maxQoe());
            QoeRanges.STEEPNESS_PER_S.check("users[" + u + "].steepnessPerS", user.steepnessPerS());
            QoeRanges.MIDPOINT_S.check("users[" + u + "].midpointS", user.midpointS());
        }
    }

    @Override
    public String problemName() {
        return "qoe";
    }

    @Override
    public boolean minimize() {
        return false;
    }

    public int userCount() {
        return users.size();
    }

    /** The solution for an allocation, with each user's QoE filled in. */
    public QoeSolution solution(double[] allocationHz) {
        double[] q = new double[allocationHz.length];
        for (int u = 0; u < q.length && u < users.size(); u++) {
            q[u] = users.get(u).qoe(allocationHz[u]);
        }
        return new QoeSolution(allocationHz, q);
    }

    /** The instance as a sigmoidal program in units of the capacity ({@code x = p / capacityHz}). */
    public SigmoidalProgram program() {
        List<Sigmoid> f = new ArrayList<>(users.size());
        for (QoeUser u : users) {
            f.add(u.sigmoid(capacityHz));
        }
        return SigmoidalProgram.ofCapacity(f, 1);
    }

    /** {@code Σ QoE_u(p_u)}; −∞ when the allocation has the wrong length. */
    @Override
    public double objective(QoeSolution solution) {
        double[] p = solution.allocationHz();
        if (p.length != users.size()) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (int u = 0; u < p.length; u++) {
            sum += users.get(u).qoe(p[u]);
        }
        return sum;
    }

    @Override
    public List<String> violations(QoeSolution solution) {
        List<String> out = new ArrayList<>();
        double[] p = solution.allocationHz();
        double[] q = solution.qoe();
        if (p.length != users.size()) {
            out.add("allocationHz.length = " + p.length + " must equal the number of users " + users.size());
        }
        if (q.length != users.size()) {
            out.add("qoe.length = " + q.length + " must equal the number of users " + users.size());
        }
        if (!out.isEmpty()) {
            return out;
        }
        double used = 0;
        for (int u = 0; u < p.length; u++) {
            if (!(p[u] >= 0) || !Double.isFinite(p[u])) {
                out.add("allocationHz[" + u + "] = " + p[u] + " must be >= 0 and finite");
                continue;
            }
            used += p[u];
            double actual = users.get(u).qoe(p[u]);
            if (!(Math.abs(actual - q[u]) <= QOE_TOLERANCE)) {
                out.add("qoe[" + u + "] = " + q[u] + " differs from QoE(allocationHz[" + u + "]) = " + actual);
            }
        }
        if (used > capacityHz * (1 + CAPACITY_TOLERANCE)) {
            out.add("the allocations sum to " + used + " Hz > capacityHz " + capacityHz);
        }
        return out;
    }
}

package org.mecopt.qoe;

import java.util.PriorityQueue;
import org.mecopt.api.Outcome;
import org.mecopt.api.SolveContext;
import org.mecopt.api.Status;

/**
 * {@code greedy}: the capacity is handed out in {@link #CHUNKS_PER_USER}·n equal chunks Δ. At each
 * step the user with the largest marginal QoE per cycle gets chunks, where a user's marginal QoE
 * per cycle looks ahead over {@code k = 1, 2, 4, …} chunks: {@code max_k (QoE(p + kΔ) − QoE(p)) / (kΔ)},
 * and the user receives the best k (capped by what is left). The look-ahead matters on sigmoids:
 * with one chunk only, every gain near p = 0 is a vanishing convex-region gain, and the first user
 * served absorbs the whole capacity. A baseline with no optimality claim; all capacity is used.
 */
public final class GreedyQoeSolver extends QoeSolver {

    /** Chunks per user. */
    public static final int CHUNKS_PER_USER = 64;

    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public String guarantee() {
        return "feasible (greedy by marginal QoE per cycle), no optimality claim";
    }

    private record Gain(int user, double perHz, long chunks) {
    }

    @Override
    protected Outcome<QoeSolution> search(QoeInstance instance, SolveContext context) {
        int n = instance.userCount();
        long chunks = (long) CHUNKS_PER_USER * n;
        double delta = instance.capacityHz() / chunks;
        double[] p = new double[n];
        PriorityQueue<Gain> queue = new PriorityQueue<>((a, b) -> Double.compare(b.perHz, a.perHz));
        for (int u = 0; u < n; u++) {
            queue.add(gain(instance.users().get(u), u, 0, delta, chunks));
        }
        long left = chunks;
        long steps = 0;
        while (left > 0) {
            Gain g = queue.poll();
            long k = Math.min(g.chunks, left);
            p[g.user] += k * delta;
            left -= k;
            steps++;
            queue.add(gain(instance.users().get(g.user), g.user, p[g.user], delta, left));
        }
        double used = 0;
        for (double v : p) {
            used += v;
        }
        if (used > instance.capacityHz()) { // rounding of chunks·delta
            double scale = instance.capacityHz() / used;
            for (int u = 0; u < n; u++) {
                p[u] *= scale;
            }
        }
        return claim(instance, p, Status.FEASIBLE).withIterations(steps);
    }

    private static Gain gain(QoeUser user, int u, double p, double delta, long left) {
        double base = user.qoe(p);
        double best = Double.NEGATIVE_INFINITY;
        long bestK = 1;
        for (long k = 1; k <= Math.max(1, left); k *= 2) {
            double perHz = (user.qoe(p + k * delta) - base) / (k * delta);
            if (perHz > best) {
                best = perHz;
                bestK = k;
            }
        }
        return new Gain(u, best, bestK);
    }
}

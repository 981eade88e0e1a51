package org.mecopt.edge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mecopt.api.Check;
import org.mecopt.api.Deadline;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;

/**
 * Our task allocator for the seed-003 system: local search over single-user moves (user → another
 * edge server), where every candidate is scored by re-solving the two servers' QoE allocations
 * with {@link SigmoidalProgramming} (cloud fallback included, see {@link EdgeEvaluator}).
 *
 * <p>It starts from the better of DAES and GA-Aware. Each pass visits the users in index order and
 * tries, for each, the {@code candidates} other servers with the smallest stand-alone latency
 * {@code d^f + η_u^h V κ / P^h}; the best improving move is applied at once (first-improvement over
 * users, best over candidates). A move must gain more than the two servers' certified gaps, so
 * inexact values cannot make it cycle. It stops after a pass without moves, after
 * {@code maxPasses}, or at the time limit. A heuristic: no optimality claim over assignments.
 */
public final class LocalSearchAllocator {

    /**
     * @param candidates servers tried per user and pass
     * @param maxPasses passes at most
     * @param timeLimitMillis wall-clock budget
     * @param innerGap relative gap of the per-server sigmoidal solves
     */
    public record Settings(int candidates, int maxPasses, long timeLimitMillis, double innerGap) {

        public static final Settings DEFAULTS = new Settings(3, 10, 10_000, 1e-5);

        public Settings {
            Check.atLeast("candidates", candidates, 1);
            Check.atLeast("maxPasses", maxPasses, 1);
            if (timeLimitMillis <= 0) {
                throw new org.mecopt.api.InvalidInstanceException("timeLimitMillis", timeLimitMillis, "must be > 0");
            }
            Check.nonNegative("innerGap", innerGap);
        }
    }

    private final Settings settings;
    private long evaluations;

    public LocalSearchAllocator(Settings settings) {
        this.settings = settings;
    }

    public LocalSearchAllocator() {
        this(Settings.DEFAULTS);
    }

    /** Server solves of the last {@link #allocate} call. */
    public long evaluations() {
        return evaluations;
    }

    public int[] allocate(EdgeSystem system) {
        Deadline deadline = Deadline.in(settings.timeLimitMillis(), System::nanoTime);
        EdgeEvaluator eval = new EdgeEvaluator(system, SigmoidalProgramming.Settings.DEFAULTS
                .withRelativeGap(settings.innerGap()).withTimeLimitMillis(settings.timeLimitMillis()));
        int m = system.serverCount();
        int n = system.userCount();
        evaluations = 0;
        int[] best = null;
        double bestTotal = Double.NEGATIVE_INFINITY;
        List<List<Integer>> on = null;
        double[] value = null;
        for (int[] start : new int[][] {TaskAllocation.daes(system), TaskAllocation.gaAware(system)}) {
            List<List<Integer>> members = eval.members(start);
            double[] v = new double[m];
            double total = 0;
            for (int h = 0; h < m; h++) {
                v[h] = eval.serverValue(h, members.get(h));
                evaluations++;
                total += v[h];
            }
            if (total > bestTotal) {
                bestTotal = total;
                best = start.clone();
                on = members;
                value = v;
            }
        }
        int[][] candidates = candidates(system);
        for (int pass = 0; pass < settings.maxPasses(); pass++) {
            boolean moved = false;
            for (int u = 0; u < n && !deadline.passed(); u++) {
                int a = best[u];
                List<Integer> without = new ArrayList<>(on.get(a));
                without.remove(Integer.valueOf(u));
                double valueWithout = eval.serverValue(a, without);
                evaluations++;
                int target = -1;
                double targetValue = 0;
                double gain = 0;
                for (int b : candidates[u]) {
                    if (b == a) {
                        continue;
                    }
                    List<Integer> with = new ArrayList<>(on.get(b));
                    with.add(u);
                    double valueWith = eval.serverValue(b, with);
                    evaluations++;
                    double delta = valueWithout + valueWith - value[a] - value[b];
                    double noise = 2 * settings.innerGap() * (Math.abs(value[a]) + Math.abs(valueWith)) + 1e-9;
                    if (delta > noise && delta > gain) {
                        gain = delta;
                        target = b;
                        targetValue = valueWith;
                    }
                }
                if (target >= 0) {
                    on.get(a).remove(Integer.valueOf(u));
                    on.get(target).add(u);
                    value[a] = valueWithout;
                    value[target] = targetValue;
                    best[u] = target;
                    moved = true;
                }
            }
            if (!moved || deadline.passed()) {
                break;
            }
        }
        return best;
    }

    /** Per user, the servers with the smallest stand-alone latency (own server excluded later). */
    private int[][] candidates(EdgeSystem system) {
        int m = system.serverCount();
        int k = Math.min(settings.candidates() + 1, m);
        int[][] out = new int[system.userCount()][];
        Integer[] order = new Integer[m];
        for (int u = 0; u < out.length; u++) {
            EdgeUser user = system.users().get(u);
            double[] score = new double[m];
            for (int h = 0; h < m; h++) {
                score[h] = system.forwardingLatency(u, h)
                        + user.etaOn(h) * user.taskBits() * user.cyclesPerBit() / system.capacityOf(h);
                order[h] = h;
            }
            Arrays.sort(order, (x, y) -> Double.compare(score[x], score[y]));
            out[u] = new int[k];
            for (int i = 0; i < k; i++) {
                out[u][i] = order[i];
            }
        }
        return out;
    }
}

package org.mecopt.offloading;

import java.util.Arrays;
import org.mecopt.api.Deadline;

/**
 * Depth-first branch and bound over device→server assignments, devices taken by decreasing
 * workload √C, servers tried cheapest-first.
 *
 * <p>Bound at a node with loads {@code L_n}, free slots {@code r_n} and the remaining devices R:
 * <pre>  placed tx + Σ_{m∈R} min_{n open} tx_mn + min { Σ_n (L_n + w_n)²/F_n : Σ w_n = W_R, lo_n ≤ w_n ≤ hi_n }</pre>
 * The transmission and load parts are minimized separately, so their sum is below any completion.
 * {@code hi_n} is the workload of the r_n largest remaining devices (0 on a full server), {@code lo_n}
 * that of the smallest ones server n must still take when the others fill up; the load part is a
 * water-filling solved exactly from its breakpoints in O(N²). Why hand-written: the node bound
 * costs O(|R|·N), far below a QP relaxation, and with the capacity-aware box it closes the paper's
 * instances in well under a millisecond; a MILP on a linearized model is orders slower (README).
 */
final class BranchAndBound {
    private final AssignmentCosts c;
    private final int devices;
    private final int servers;
    private final int[] order;
    /** Workload and transmission delays in branching order. */
    private final double[] work;
    private final double[][] tx;
    /** {@code prefix[i] = work[0] + … + work[i-1]}. */
    private final double[] prefix;
    private final double keepFraction;
    private final Deadline deadline;

    private final double[] load;
    private final int[] count;
    private final int[] current;
    private final int[][] candidates;
    private final double[][] candidateCost;
    private final double[] lo;
    private final double[] hi;
    private final double[] breakpoints;

    private int[] best;
    private double bestTotal;
    private double minPrunedBound = Double.POSITIVE_INFINITY;
    private long nodes;
    private boolean stopped;

    /**
     * @param incumbent a feasible assignment (device-indexed) to start from
     * @param relativeGap prune nodes whose bound is within this share of the incumbent
     */
    BranchAndBound(AssignmentCosts c, int[] incumbent, double relativeGap, Deadline deadline) {
        this.c = c;
        this.devices = c.devices;
        this.servers = c.servers;
        this.order = Heuristics.byDecreasingWork(c);
        this.work = new double[devices];
        this.tx = new double[devices][];
        this.prefix = new double[devices + 1];
        for (int i = 0; i < devices; i++) {
            work[i] = c.work[order[i]];
            tx[i] = c.tx[order[i]];
            prefix[i + 1] = prefix[i] + work[i];
        }
        this.keepFraction = 1 - relativeGap;
        this.deadline = deadline;
        this.load = new double[servers];
        this.count = new int[servers];
        this.current = new int[devices];
        this.candidates = new int[devices][servers];
        this.candidateCost = new double[devices][servers];
        this.lo = new double[servers];
        this.hi = new double[servers];
        this.breakpoints = new double[2 * servers];
        this.best = incumbent.clone();
        this.bestTotal = c.total(incumbent);
    }

    /** Runs the search; false when the deadline stopped it before the tree was closed. */
    boolean run() {
        search(0, 0);
        return !stopped;
    }

    int[] best() {
        return best.clone();
    }

    double bestTotal() {
        return bestTotal;
    }

    /** The smallest bound of any pruned node, capped by the incumbent: a proven lower bound once closed. */
    double provenBound() {
        return Math.min(bestTotal, minPrunedBound);
    }

    long nodes() {
        return nodes;
    }

    private void search(int depth, double placedTx) {
        if (stopped) {
            return;
        }
        if ((++nodes & 4095) == 0 && deadline.passed()) {
            stopped = true;
            return;
        }
        if (depth == devices) {
            double total = placedTx;
            for (int n = 0; n < servers; n++) {
                total += load[n] * load[n] / c.cpu[n];
            }
            if (total < bestTotal) {
                bestTotal = total;
                for (int i = 0; i < devices; i++) {
                    best[order[i]] = current[i];
                }
            }
            return;
        }
        double bound = bound(depth, placedTx);
        if (bound >= bestTotal * keepFraction) {
            minPrunedBound = Math.min(minPrunedBound, bound);
            return;
        }
        int[] cand = candidates[depth];
        double[] cost = candidateCost[depth];
        int k = 0;
        double w = work[depth];
        for (int n = 0; n < servers; n++) {
            if (count[n] < c.capacity[n]) {
                double v = tx[depth][n] + c.addCost(n, load[n], w);
                int j = k++;
                while (j > 0 && cost[j - 1] > v) {
                    cost[j] = cost[j - 1];
                    cand[j] = cand[j - 1];
                    j--;
                }
                cost[j] = v;
                cand[j] = n;
            }
        }
        for (int i = 0; i < k; i++) {
            int n = cand[i];
            load[n] += w;
            count[n]++;
            current[depth] = n;
            search(depth + 1, placedTx + tx[depth][n]);
            load[n] -= w;
            count[n]--;
        }
    }

    /** The node bound described in the class comment, for devices {@code depth..M-1} still unplaced. */
    private double bound(int depth, double placedTx) {
        int remaining = devices - depth;
        double txPart = placedTx;
        for (int i = depth; i < devices; i++) {
            double min = Double.POSITIVE_INFINITY;
            for (int n = 0; n < servers; n++) {
                if (count[n] < c.capacity[n] && tx[i][n] < min) {
                    min = tx[i][n];
                }
            }
            txPart += min;
        }
        int freeSlots = 0;
        for (int n = 0; n < servers; n++) {
            freeSlots += Math.min(c.capacity[n] - count[n], remaining);
        }
        for (int n = 0; n < servers; n++) {
            int r = Math.min(c.capacity[n] - count[n], remaining);
            int mustTake = Math.max(0, remaining - (freeSlots - r));
            hi[n] = prefix[depth + r] - prefix[depth];
            lo[n] = prefix[devices] - prefix[devices - mustTake];
        }
        return txPart + waterFill(prefix[devices] - prefix[depth]);
    }

    /**
     * {@code min Σ (L_n + w_n)²/F_n} over {@code Σ w_n = total, lo ≤ w ≤ hi}. Optimal w is
     * {@code clamp(νF_n/2 − L_n, lo_n, hi_n)} for the ν where the sum matches; the sum is piecewise
     * linear in ν with breakpoints at {@code 2(L_n+lo_n)/F_n} and {@code 2(L_n+hi_n)/F_n}.
     */
    private double waterFill(double total) {
        for (int n = 0; n < servers; n++) {
            breakpoints[2 * n] = 2 * (load[n] + lo[n]) / c.cpu[n];
            breakpoints[2 * n + 1] = 2 * (load[n] + hi[n]) / c.cpu[n];
        }
        Arrays.sort(breakpoints);
        double prevNu = breakpoints[0];
        double prevSum = filled(prevNu);
        double nu = breakpoints[breakpoints.length - 1];
        for (int i = 1; i < breakpoints.length; i++) {
            double sum = filled(breakpoints[i]);
            if (sum >= total) {
                double span = sum - prevSum;
                nu = span > 0 ? prevNu + (breakpoints[i] - prevNu) * (total - prevSum) / span : breakpoints[i];
                break;
            }
            prevNu = breakpoints[i];
            prevSum = sum;
        }
        double cost = 0;
        for (int n = 0; n < servers; n++) {
            double l = load[n] + clamp(nu * c.cpu[n] / 2 - load[n], lo[n], hi[n]);
            cost += l * l / c.cpu[n];
        }
        return cost;
    }

    private double filled(double nu) {
        double sum = 0;
        for (int n = 0; n < servers; n++) {
            sum += clamp(nu * c.cpu[n] / 2 - load[n], lo[n], hi[n]);
        }
        return sum;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}

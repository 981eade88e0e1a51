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
    /** A move must gain more than this share of the incumbent to count as strict despite rounding. */
    static final double DOMINANCE_TOLERANCE = 1e-11;
    private final Deadline deadline;

    private final double[] load;
    private final int[] count;
    private final int[] current;
    private final int[][] candidates;
    private final double[][] candidateCost;
    private final double[] lo;
    private final double[] hi;
    private final double[] breakpoints;

    /** Root multipliers, or null; {@code reduced[i][n]} their reduced cost of device i on n, ≥ 0. */
    private final RelaxationBound.Dual dual;
    private final double[][] reduced;
    /** {@code F_n λ_n / 2}: the loads at which λ is the slope of the server costs. */
    private final double[] target;
    private final double[] shifted;

    /** Suffixes of at most this many devices get their subset sums, for the discrete load bound. */
    static final int DISCRETE_DEPTH = 12;
    /** {@code subsetSums[d]}: sorted sums of every subset of devices d..M-1 in branching order, or null. */
    private final double[][] subsetSums;
    /** The multiplier of the last {@link #waterFill}. */
    private double lastNu;

    private int[] best;
    private double bestTotal;
    private double minPrunedBound = Double.POSITIVE_INFINITY;
    private long nodes;
    private boolean stopped;

    /**
     * @param incumbent a feasible assignment (device-indexed) to start from
     * @param relativeGap prune nodes whose bound is within this share of the incumbent
     */
    BranchAndBound(AssignmentCosts c, int[] incumbent, double relativeGap, Deadline deadline,
                   RelaxationBound.Dual dual) {
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
        this.dual = dual;
        this.subsetSums = new double[devices + 1][];
        for (int d = Math.max(0, devices - DISCRETE_DEPTH); d <= devices; d++) {
            subsetSums[d] = subsetSums(d);
        }
        this.reduced = new double[devices][servers];
        this.target = new double[servers];
        this.shifted = new double[servers];
        if (dual != null) {
            for (int i = 0; i < devices; i++) {
                double min = Double.POSITIVE_INFINITY;
                for (int n = 0; n < servers; n++) {
                    reduced[i][n] = tx[i][n] + dual.lambda()[n] * work[i] + dual.mu()[n];
                    min = Math.min(min, reduced[i][n]);
                }
                for (int n = 0; n < servers; n++) {
                    reduced[i][n] -= min;
                }
            }
            for (int n = 0; n < servers; n++) {
                target[n] = c.cpu[n] * dual.lambda()[n] / 2;
            }
        }
    }

    /** Runs the search; false when the deadline stopped it before the tree was closed. */
    boolean run() {
        search(0, 0, 0);
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

    private void search(int depth, double placedTx, double placedReduced) {
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
        double bound = bound(depth, placedTx, placedReduced);
        if (bound >= bestTotal * keepFraction) {
            minPrunedBound = Math.min(minPrunedBound, bound);
            return;
        }
        if (depth > 0 && dominated(depth)) {
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
            search(depth + 1, placedTx + tx[depth][n], placedReduced + reduced[depth][n]);
            load[n] -= w;
            count[n]--;
        }
    }

    /**
     * Whether every completion of this node can be strictly improved by moving the last placed
     * device (position {@code depth − 1}) to another server or swapping it with an earlier one.
     * Needs {@link #lo}/{@link #hi} of this node. See the class comment for why this is sound.
     */
    private boolean dominated(int depth) {
        int i = depth - 1;
        int a = current[i];
        int remaining = devices - depth;
        double wi = work[i];
        double[] txi = tx[i];
        double invA = 1 / c.cpu[a];
        double laMin = load[a] + lo[a];
        double laMax = load[a] + hi[a];
        double tol = DOMINANCE_TOLERANCE * bestTotal;
        for (int b = 0; b < servers; b++) {
            if (b == a || c.capacity[b] - count[b] <= remaining) {
                continue;
            }
            // b keeps a free slot in every completion: relocating i there is always feasible
            double delta = txi[b] - txi[a] + wi * (2 * (load[b] + hi[b]) + wi) / c.cpu[b]
                    - wi * (2 * laMin - wi) * invA;
            if (delta < -tol) {
                return true;
            }
        }
        for (int j = 0; j < i; j++) {
            int b = current[j];
            if (b == a) {
                continue;
            }
            double invB = 1 / c.cpu[b];
            double d = work[j] - wi;
            // Δ = α + 2d(L_a/F_a − L_b/F_b) + d²(1/F_a + 1/F_b), largest at the box corner picked by d's sign
            double slope = d >= 0 ? laMax * invA - (load[b] + lo[b]) * invB
                    : laMin * invA - (load[b] + hi[b]) * invB;
            double delta = tx[j][a] + txi[b] - txi[a] - tx[j][b] + d * (2 * slope + d * (invA + invB));
            if (delta < -tol) {
                return true;
            }
        }
        return false;
    }

    /** The node bound described in the class comment, for devices {@code depth..M-1} still unplaced. */
    private double bound(int depth, double placedTx, double placedReduced) {
        int remaining = devices - depth;
        double txPart = placedTx;
        double reducedPart = placedReduced;
        for (int i = depth; i < devices; i++) {
            double min = Double.POSITIVE_INFINITY;
            double minReduced = Double.POSITIVE_INFINITY;
            for (int n = 0; n < servers; n++) {
                if (count[n] < c.capacity[n]) {
                    min = Math.min(min, tx[i][n]);
                    minReduced = Math.min(minReduced, reduced[i][n]);
                }
            }
            txPart += min;
            reducedPart += minReduced;
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
        double remainingWork = prefix[devices] - prefix[depth];
        double separable = txPart + fill(depth, load, remainingWork);
        if (dual == null) {
            return separable;
        }
        double slack = 0;
        for (int n = 0; n < servers; n++) {
            shifted[n] = load[n] - target[n];
            slack += dual.mu()[n] * Math.max(0, c.capacity[n] - count[n] - remaining);
        }
        double coupled = dual.value() + reducedPart + slack + fill(depth, shifted, remainingWork);
        return Math.max(separable, coupled);
    }

    /**
     * A lower bound on {@code min Σ (base_n + w_n)²/F_n} over completions: the water-filling, and
     * when few devices remain, its discrete strengthening. Each w_n is then a sum of a subset of the
     * remaining workloads, so for the water-filling's multiplier ν
     * <pre>  ν W + Σ_n min { (base_n + s)²/F_n − ν s : s a subset sum in [lo_n, hi_n] }</pre>
     * is a Lagrangian bound (each server may pick its own subset, so items are not shared, which only
     * weakens it). The inner minimum of a convex function over a sorted set sits at a neighbour of
     * the continuous minimizer, found by binary search.
     */
    private double fill(int depth, double[] base, double total) {
        double continuous = waterFill(base, total);
        double[] sums = subsetSums[depth];
        if (sums == null) {
            return continuous;
        }
        double nu = lastNu;
        double slack = DISCRETE_SLACK * (total + 1);
        double discrete = nu * total;
        for (int n = 0; n < servers; n++) {
            double f = c.cpu[n];
            double low = lo[n] - slack;
            double high = hi[n] + slack;
            double s0 = clamp(nu * f / 2 - base[n], lo[n], hi[n]);
            int k = Arrays.binarySearch(sums, s0);
            int above = k >= 0 ? k : -k - 1;
            double min = Double.POSITIVE_INFINITY;
            for (int j = above - 1; j <= above; j++) {
                if (j >= 0 && j < sums.length && sums[j] >= low && sums[j] <= high) {
                    double l = base[n] + sums[j];
                    min = Math.min(min, l * l / f - nu * sums[j]);
                }
            }
            if (min == Double.POSITIVE_INFINITY) {
                return continuous; // rounding put both neighbours outside the box: keep the continuous bound
            }
            discrete += min;
        }
        return Math.max(continuous, discrete);
    }

    /** Relative tolerance on subset sums against the box ends, which are summed in another order. */
    private static final double DISCRETE_SLACK = 1e-12;

    private double[] subsetSums(int from) {
        int k = devices - from;
        double[] sums = new double[1 << k];
        for (int i = 0; i < k; i++) {
            double w = work[from + i];
            int half = 1 << i;
            for (int j = 0; j < half; j++) {
                sums[half + j] = sums[j] + w;
            }
        }
        Arrays.sort(sums);
        return sums;
    }

    /**
     * {@code min Σ (L_n + w_n)²/F_n} over {@code Σ w_n = total, lo ≤ w ≤ hi}. Optimal w is
     * {@code clamp(νF_n/2 − L_n, lo_n, hi_n)} for the ν where the sum matches; the sum is piecewise
     * linear in ν with breakpoints at {@code 2(L_n+lo_n)/F_n} and {@code 2(L_n+hi_n)/F_n}.
     */
    private double waterFill(double[] base, double total) {
        for (int n = 0; n < servers; n++) {
            breakpoints[2 * n] = 2 * (base[n] + lo[n]) / c.cpu[n];
            breakpoints[2 * n + 1] = 2 * (base[n] + hi[n]) / c.cpu[n];
        }
        Arrays.sort(breakpoints);
        double prevNu = breakpoints[0];
        double prevSum = filled(base, prevNu);
        double nu = breakpoints[breakpoints.length - 1];
        for (int i = 1; i < breakpoints.length; i++) {
            double sum = filled(base, breakpoints[i]);
            if (sum >= total) {
                double span = sum - prevSum;
                nu = span > 0 ? prevNu + (breakpoints[i] - prevNu) * (total - prevSum) / span : breakpoints[i];
                break;
            }
            prevNu = breakpoints[i];
            prevSum = sum;
        }
        lastNu = nu;
        double cost = 0;
        for (int n = 0; n < servers; n++) {
            double l = base[n] + clamp(nu * c.cpu[n] / 2 - base[n], lo[n], hi[n]);
            cost += l * l / c.cpu[n];
        }
        return cost;
    }

    private double filled(double[] base, double nu) {
        double sum = 0;
        for (int n = 0; n < servers; n++) {
            sum += clamp(nu * c.cpu[n] / 2 - base[n], lo[n], hi[n]);
        }
        return sum;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}

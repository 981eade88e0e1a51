package org.mecopt.offloading;

import java.util.Arrays;
import org.mecopt.api.Deadline;

/**
 * Depth-first branch and bound over device→server assignments, devices taken by decreasing
 * workload √C, servers tried cheapest-first.
 *
 * <p>Bound at a node with loads {@code L_n}, free slots {@code r_n} and the remaining devices R is
 * the larger of two, each a linear part plus a load part {@code D(b) ≤ min Σ_n (b_n + w_n)²/F_n}
 * over the completions (w_n the workload the completion adds to server n):
 * <ul>
 *   <li><em>separable</em>: {@code placed tx + Σ_{m∈R} min_{n open} tx_mn + D(L)}. Transmission and
 *       load are minimized separately, so the sum is below any completion.</li>
 *   <li><em>coupled</em>, from the root multipliers (λ, μ ≥ 0) of {@link RelaxationBound}: every
 *       assignment satisfies the identity
 *       <pre>  f(x) = q(λ,μ) + Σ_m ρ_{m,n(m)} + Σ_n μ_n (cap_n − count_n) + Σ_n (L_n − F_n λ_n/2)²/F_n</pre>
 *       with the reduced costs {@code ρ_mn = tx_mn + λ_n w_m + μ_n − min_k (tx_mk + λ_k w_m + μ_k) ≥ 0}
 *       (expand the square: the λ and μ terms cancel). So {@code q + Σ_placed ρ + Σ_{m∈R} min_{n open} ρ_mn
 *       + Σ_n μ_n max(0, cap_n − count_n − |R|) + D(L − Fλ/2)} is a bound. It charges a device placed
 *       against the relaxation's preference at once, and the capacity prices μ make it far stronger
 *       when capacity is tight (30×5 with every server full: 1.6–30× fewer nodes).</li>
 * </ul>
 * {@code D} is the water-filling {@code min Σ (b_n + w_n)²/F_n : Σ w_n = W_R, lo_n ≤ w_n ≤ hi_n},
 * solved exactly from its breakpoints in O(N²): {@code hi_n} is the workload of the r_n largest
 * remaining devices (0 on a full server), {@code lo_n} that of the smallest ones server n must still
 * take when the others fill up. Once at most {@value #DISCRETE_DEPTH} devices remain, D may be raised by
 * its discrete version ({@link #fill}): w_n must be a subset sum of the remaining workloads with a
 * feasible number of devices. That is what closes loose capacity: the relaxation is within ~1e-4 of
 * the optimum, and without it the tree enumerated every near-balanced partial assignment down to
 * the last devices (20×4, 8 slots a server: 0.9–14 M nodes; with this and the coupled bound 30–480 k).
 * Both are used from {@link ExactSolver#COUPLED_BOUND_DEVICES} devices on.
 *
 * <p>Near the root ({@link #usePartitionBound}), a node these bounds do not prune is tried against
 * the set-partitioning bound ({@link PartitionBound}), which keeps every device whole on every
 * server: it relaxes only "each device on one server", so each server prices its own best set of
 * whole devices. Both bounds above treat workload as divisible somewhere (the relaxation's
 * devices, or the subset sums shared between servers), and at loose capacity the continuous
 * relaxation is 2–4e-5 below the optimum while the tree must close 1e-9: it took 0.9–42 M nodes at
 * 30×5×9. The partition bound at the root is 0–6e-6 below it; it is switched on only after a number
 * of nodes (easy trees close before), then its root ascent is followed by reduced-cost fixing
 * ({@link #fixPairs}), and at depths ≤ 10 it leaves trees of 20–600 k nodes in all (each node where
 * it runs costs 5 ascent steps of N pricing searches). At 100×10 ({@link #useRootVolume},
 * {@link #useRootRepair}) the root ascent continues with Volume steps, which the plain ascent's
 * stall at 2e-4 made necessary, and the root's pricing sets are repaired into an incumbent.
 *
 * <p>Why hand-written: the node bound costs O(|R|·N + N² + N·|R| log 2^|R|), far below a QP
 * relaxation; a MILP on a linearized model is orders slower and CP-SAT is compared in the README.
 * The partition bound is a column-generation bound, but its columns (a server's set of devices)
 * come from a tiny exact pricing search and its multipliers from a warm-started subgradient
 * ascent: an LP master per node would cost more than the whole search.
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

    /** Root multipliers, or null; {@code reduced[i][n]}: reduced cost ρ of device i on n, ≥ 0. */
    private final RelaxationBound.Dual dual;
    private final double[][] reduced;
    /** {@code F_n λ_n / 2}: the loads at which λ_n is the slope of server n's cost. */
    private final double[] target;
    private final double[] shifted;

    /** Suffixes of at most this many devices may get their subset sums, for the discrete load bound. */
    static final int DISCRETE_DEPTH = 14;
    /**
     * {@code subsetSums[d][k]}: sorted sums of every k-subset of devices d..M-1 in branching order,
     * or null above the discrete depth (2^|R| values per depth, as many again in {@link #allSums}:
     * at most 2^16 values, 512 KiB, in all).
     */
    private final double[][][] subsetSums;
    /** {@code allSums[d]}: the sums of {@link #subsetSums}{@code [d]} of every size, in one sorted array. */
    private final double[][] allSums;
    /** Fewest and most of the remaining devices each server can take at this node. */
    private final int[] fewest;
    private final int[] most;
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
     * @param dual multipliers for the coupled bound, or null to use the separable bound alone
     * @param discreteDepth the discrete load bound is used once at most this many devices remain
     *     (≤ {@link #DISCRETE_DEPTH}; 0: never)
     */
    BranchAndBound(AssignmentCosts c, int[] incumbent, double relativeGap, Deadline deadline,
                   RelaxationBound.Dual dual, int discreteDepth) {
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
        // latched: the root's ascents, repair and fixing each look once more after it passed,
        // and a clock read is not free (the contract suite counts them)
        boolean[] passed = {false};
        this.deadline = () -> passed[0] || (passed[0] = deadline.passed());
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
        this.subsetSums = new double[devices + 1][][];
        this.fewest = new int[servers];
        this.most = new int[servers];
        this.removed = new boolean[devices][servers];
        if (discreteDepth > DISCRETE_DEPTH) {
            throw new IllegalArgumentException("discreteDepth " + discreteDepth + " > " + DISCRETE_DEPTH);
        }
        this.allSums = new double[devices + 1][];
        for (int d = devices; discreteDepth > 0 && d >= Math.max(0, devices - discreteDepth); d--) {
            subsetSums[d] = subsetSums(d);
            allSums[d] = d == devices ? new double[] {0} : withItem(allSums[d + 1], work[d]);
        }
        this.dual = dual;
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
        this.suffixMinTx = new double[devices + 1];
        this.suffixMinReduced = new double[devices + 1];
        for (int i = devices - 1; i >= 0; i--) {
            double minTx = Double.POSITIVE_INFINITY;
            double minReduced = Double.POSITIVE_INFINITY;
            for (int n = 0; n < servers; n++) {
                minTx = Math.min(minTx, tx[i][n]);
                minReduced = Math.min(minReduced, reduced[i][n]);
            }
            suffixMinTx[i] = suffixMinTx[i + 1] + minTx;
            suffixMinReduced[i] = suffixMinReduced[i + 1] + minReduced;
        }
    }

    /** {@code Σ_{i≥d} min_n tx[i][n]} and the same of the reduced costs: the free devices' part while no server is full. */
    private final double[] suffixMinTx;
    private final double[] suffixMinReduced;

    /** The set-partitioning bound, or null; used at depths up to {@link #partitionDepth} (-1: never). */
    private PartitionBound partition;
    private int partitionDepth = -1;
    private int partitionIterations;
    private int rootIterations;
    /** Nodes searched with the cheaper bounds alone before the partition bound is switched on. */
    private long partitionAfter;
    /** The root's multipliers: the start, then the root ascent's result once the bound is on. */
    private double[] rootPi;
    /** {@code pi[d]}: the multipliers of the node at depth d on the current path, if {@code fresh[d]}. */
    private double[][] pi;
    private boolean[] fresh;
    private int[] completion;
    private long partitionNodes;
    /** The root ascent's bound once the bound is on (NaN before): below every node's completions. */
    private double rootBound = Double.NaN;

    /**
     * Adds the set-partitioning bound ({@link PartitionBound}) at nodes of depth ≤ {@code maxDepth},
     * once {@code afterNodes} nodes have been searched without it (an easy tree closes before and
     * pays nothing). Then the root ascends from {@code start} for {@code rootIterations}, and every
     * other such node for {@code nodeIterations} from its nearest ancestor's multipliers. With
     * {@code fixPairs}, reduced-cost fixing ({@link #fixPairs}) follows the root ascent.
     *
     * @param start multipliers in branching order (see {@link PartitionBound#start})
     */
    void usePartitionBound(PartitionBound bound, double[] start, int maxDepth, int rootIterations, int nodeIterations,
                           long afterNodes, boolean fixPairs) {
        this.fixing = fixPairs;
        this.partition = bound;
        this.partitionDepth = Math.min(maxDepth, devices - 1);
        this.partitionIterations = nodeIterations;
        this.rootIterations = rootIterations;
        this.partitionAfter = afterNodes;
        this.rootPi = start.clone();
        this.pi = new double[devices + 1][devices];
        this.fresh = new boolean[devices + 1];
        this.completion = new int[devices];
        bound.clear();
    }

    /**
     * After the plain root ascent, continues with up to {@code iterations} steps of the Volume
     * algorithm ({@link PartitionBound#ascendVolume}) per entry of
     * {@link PartitionBound#VOLUME_SCHEDULE}, while the bound has not reached the pruning threshold.
     */
    void useRootVolume(int iterations) {
        this.rootVolumeIterations = iterations;
    }

    private int rootVolumeIterations;

    /** Devices' order of branching: {@code order[i]} is the device placed at depth i. */
    int[] order() {
        return order.clone();
    }

    long partitionNodes() {
        return partitionNodes;
    }

    /**
     * The set-partitioning bound at the current node, warm-started from the nearest ancestor that
     * computed one (or the root's multipliers). The first call runs the root ascent, with the
     * path's devices freed for it.
     */
    private double partitionBound(int depth) {
        double threshold = bestTotal * keepFraction;
        if (Double.isNaN(rootBound)) {
            partition.clear();
            rootBound = partition.ascend(rootPi, bestTotal, threshold, rootIterations, deadline,
                    PartitionBound.ROOT_THETA, PartitionBound.ROOT_PATIENCE);
            // from the plain ascent's best point, whose bound is each Volume ascent's first value;
            // the Volume ascent is erratic in its step parameters (100×10×10 seed 7004: 2.5e-5 below
            // the incumbent with θ 0.5, 2.4e-7 with θ 1 from there), so on a stall it restarts
            for (double[] run : PartitionBound.VOLUME_SCHEDULE) {
                if (rootVolumeIterations == 0 || rootBound >= threshold) {
                    break;
                }
                rootBound = Math.max(rootBound, partition.ascendVolume(rootPi, bestTotal, threshold,
                        rootVolumeIterations, deadline, run[0], (int) run[1]));
            }
            if (repairing && rootBound < threshold && !deadline.passed()) {
                repairRoot();
                threshold = bestTotal * keepFraction;
            }
            if (fixing && rootBound < threshold && !deadline.passed()) {
                fixPairs(threshold);
            }
            for (int i = 0; i < Math.min(depth, partitionDepth); i++) {
                partition.fix(i, current[i]);
            }
        }
        if (rootBound >= threshold || depth == 0) {
            // a bound on the whole problem is a bound on every node
            return rootBound;
        }
        partitionNodes++;
        int from = depth - 1;
        while (from >= 0 && !fresh[from]) {
            from--;
        }
        double[] p = pi[depth];
        System.arraycopy(from >= 0 ? pi[from] : rootPi, 0, p, 0, devices);
        double lb = partition.ascend(p, bestTotal, threshold, partitionIterations, deadline);
        fresh[depth] = true;
        // when the pricing sets partitioned the free devices, they are a completion: maybe a better incumbent
        if (partition.partition(completion) < bestTotal) {
            // priced again from scratch: the search's loads are running sums, off in the last digits
            int[] candidate = new int[devices];
            for (int i = 0; i < devices; i++) {
                candidate[order[i]] = completion[i];
            }
            double total = c.total(candidate);
            if (total < bestTotal) {
                bestTotal = total;
                best = candidate;
            }
        }
        if (deadline.passed()) {
            // an ascent costs up to thousands of plain nodes: do not wait for the next 4096th node
            stopped = true;
        }
        return Math.max(lb, rootBound);
    }

    /**
     * Reduced-cost fixing at the root: every device–server pair whose partition bound with the
     * device forced there (from the root's multipliers) reaches the pruning threshold is removed
     * from the branching (and from the pricing); its bound joins the pruned ones. Removing a pair
     * keeps the other bounds valid: they are relaxations over a superset of the completions left.
     */
    private void fixPairs(double threshold) {
        // M·N full evaluations: seconds at 100×10, so the clock is looked at per device (fixing
        // fewer pairs is always valid)
        for (int i = 0; i < devices && !deadline.passed(); i++) {
            if (fixGiveUp > 0 && i == fixGiveUp && removedPairs == 0) {
                // the root bound is too far below the threshold for any pair to reach it
                break;
            }
            for (int n = 0; n < servers; n++) {
                partition.fix(i, n);
                // one evaluation at the root's multipliers: 3 ascent steps per pair removed no more
                double lb = partition.evaluate(rootPi);
                if (lb >= threshold) {
                    removed[i][n] = true;
                    partition.remove(i, n);
                    minPrunedBound = Math.min(minPrunedBound, lb);
                    removedPairs++;
                }
            }
            partition.fix(i, -1);
        }
    }

    /**
     * A candidate incumbent from the root's multipliers: the devices exactly one pricing set holds
     * stay on that server, {@link Heuristics#greedy(AssignmentCosts, int[])} places the rest, then a local search descends and
     * {@link LocalSearch#iterated} kicks it {@link #REPAIR_KICKS} times. Why: at 100×10 with loose
     * capacity the iterated local search from the greedy start ends 5–7e-6 above points that
     * longer searches find, more than the gap the tree has to close, and near the LP optimum the
     * pricing sets cover most devices exactly once.
     */
    private void repairRoot() {
        partition.evaluate(rootPi);
        int[] x = new int[devices];
        partition.nearPartition(x);
        int[] partial = new int[devices];
        for (int i = 0; i < devices; i++) {
            partial[order[i]] = x[i];
        }
        // branching order is the greedy's order, so the free devices go in the same sequence
        int[] y = Heuristics.greedy(c, partial);
        LocalSearch descent = new LocalSearch(c, y);
        descent.run(deadline);
        int[] z = LocalSearch.iterated(c, descent.assignment(), REPAIR_KICKS, devices, deadline);
        double total = c.total(z);
        if (total < bestTotal) {
            bestTotal = total;
            System.arraycopy(z, 0, best, 0, devices);
        }
    }

    /** Kicks of the repaired root point; a fixed seed keeps the search deterministic. */
    static final int REPAIR_KICKS = 300;
    private boolean repairing;

    /**
     * Reduced-cost fixing stops when the first {@code devices} devices removed no pair (0: never).
     * At 100×10 loose capacity the root bound stays ~1e-5 below the incumbent, no pair reaches
     * the threshold, and the 1 000 evaluations took 3.5–10 s of a 10 s limit; at tight capacity
     * (seed 7002) 840 of the 1 000 pairs go.
     */
    void giveUpFixingAfter(int devices) {
        this.fixGiveUp = devices;
    }

    private int fixGiveUp;

    /** With {@code on}, the root ascent is followed by {@link #repairRoot}. */
    void useRootRepair(boolean on) {
        this.repairing = on;
    }

    /** Pairs removed by {@link #fixPairs}, in branching order; how many. */
    private final boolean[][] removed;
    private long removedPairs;
    private boolean fixing;

    long removedPairs() {
        return removedPairs;
    }

    /** The set-partitioning bound reached at the root (NaN when it was never switched on). */
    double rootPartitionBound() {
        return rootBound;
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
        if (depth <= partitionDepth) {
            fresh[depth] = false;
        }
        if (bound >= bestTotal * keepFraction) {
            minPrunedBound = Math.min(minPrunedBound, bound);
            return;
        }
        if (depth <= partitionDepth && nodes > partitionAfter) {
            double sp = partitionBound(depth);
            if (sp >= bestTotal * keepFraction) {
                minPrunedBound = Math.min(minPrunedBound, sp);
                return;
            }
        }
        int[] cand = candidates[depth];
        double[] cost = candidateCost[depth];
        int k = 0;
        double w = work[depth];
        for (int n = 0; n < servers; n++) {
            if (count[n] < c.capacity[n] && !removed[depth][n]) {
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
            if (depth < partitionDepth) {
                partition.fix(depth, n);
            }
            search(depth + 1, placedTx + tx[depth][n], placedReduced + reduced[depth][n]);
            if (depth < partitionDepth) {
                partition.fix(depth, -1);
            }
            load[n] -= w;
            count[n]--;
        }
    }

    /**
     * The node bound described in the class comment, for devices {@code depth..M-1} still unplaced;
     * the coupled part is skipped when the separable one already prunes.
     */
    private double bound(int depth, double placedTx, double placedReduced) {
        int remaining = devices - depth;
        double txPart = placedTx;
        double reducedPart = placedReduced;
        boolean anyFull = false;
        for (int n = 0; n < servers; n++) {
            anyFull |= count[n] >= c.capacity[n];
        }
        if (!anyFull) {
            // every server open: the per-device minima are the precomputed suffix sums
            txPart += suffixMinTx[depth];
            reducedPart += suffixMinReduced[depth];
        }
        for (int i = depth; anyFull && i < devices; i++) {
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
            fewest[n] = mustTake;
            most[n] = r;
            hi[n] = prefix[depth + r] - prefix[depth];
            lo[n] = prefix[devices] - prefix[devices - mustTake];
        }
        double remainingWork = prefix[devices] - prefix[depth];
        double separable = txPart + fill(depth, load, remainingWork);
        lastSeparable = separable;
        lastCoupled = Double.NaN;
        if (dual == null || separable >= bestTotal * keepFraction) {
            return separable;
        }
        double slack = 0;
        for (int n = 0; n < servers; n++) {
            shifted[n] = load[n] - target[n];
            slack += dual.mu()[n] * Math.max(0, c.capacity[n] - count[n] - remaining);
        }
        lastCoupled = dual.value() + reducedPart + slack + fill(depth, shifted, remainingWork);
        // written so that a NaN (a device whose every delay is infinite) falls back to the separable bound
        return lastCoupled > separable ? lastCoupled : separable;
    }

    /** The two parts of the last {@link #bound}, for {@link #nodeBounds}; NaN when the coupled one was skipped. */
    private double lastSeparable;
    private double lastCoupled;

    /**
     * For tests: the separable and the coupled bound (NaN without multipliers) at the node where the
     * first {@code placed} devices in branching order sit where {@code assignment} puts them.
     */
    double[] nodeBounds(int[] assignment, int placed) {
        Arrays.fill(load, 0);
        Arrays.fill(count, 0);
        double placedTx = 0;
        double placedReduced = 0;
        for (int i = 0; i < placed; i++) {
            int n = assignment[order[i]];
            load[n] += work[i];
            count[n]++;
            placedTx += tx[i][n];
            placedReduced += reduced[i][n];
        }
        double keep = bestTotal;
        bestTotal = Double.POSITIVE_INFINITY; // never skip the coupled part
        try {
            bound(placed, placedTx, placedReduced);
            return new double[] {lastSeparable, lastCoupled};
        } finally {
            bestTotal = keep;
            Arrays.fill(load, 0);
            Arrays.fill(count, 0);
        }
    }

    /**
     * A lower bound on {@code min Σ (base_n + w_n)²/F_n} over completions: the water-filling, and
     * when at most {@value #DISCRETE_DEPTH} devices remain, its discrete strengthening. Each w_n is
     * then the sum of some k_n of the remaining workloads, {@code fewest_n ≤ k_n ≤ most_n}, so for
     * the water-filling's multiplier ν, by weak duality on {@code Σ w_n = W},
     * <pre>  ν W + Σ_n min { (base_n + s)²/F_n − ν s : s a k-subset sum, fewest_n ≤ k ≤ most_n, s ∈ [lo_n, hi_n] }</pre>
     * is a bound (each server picks its own subset, so a device may be counted twice, which only
     * weakens it; at the water-filling's ν it is at least the continuous value). The inner minimum
     * of a convex function over a sorted set sits at a neighbour of the unconstrained minimizer,
     * found by binary search per subset size. Optimizing ν further by bisection cut nodes by 3–20 %
     * at 5× the node cost, so it is not done.
     */
    private double fill(int depth, double[] base, double total) {
        double continuous = waterFill(base, total);
        double[][] bySize = subsetSums[depth];
        if (bySize == null) {
            return continuous;
        }
        double nu = lastNu;
        // scaled by all the work, not the remaining: lo and hi are differences of prefix sums over
        // every device, so their rounding is on that scale (with the remaining work's, a large device
        // early in the order let the true smallest subset sum fall just below lo, and the bound
        // skipped to a far worse one: exact claimed an optimum 1.9e-6 above the true one)
        double slack = DISCRETE_SLACK * (prefix[devices] + 1);
        double discrete = nu * total;
        for (int n = 0; n < servers; n++) {
            double f = c.cpu[n];
            double low = lo[n] - slack;
            double high = hi[n] + slack;
            double s0 = nu * f / 2 - base[n];
            double min = Double.POSITIVE_INFINITY;
            // with no limit on the count (loose capacity) one search in all sums does for every size
            boolean anySize = fewest[n] == 0 && most[n] == bySize.length - 1;
            int to = anySize ? 0 : most[n];
            for (int size = anySize ? 0 : fewest[n]; size <= to; size++) {
                double[] sums = anySize ? allSums[depth] : bySize[size];
                int k = Arrays.binarySearch(sums, clamp(s0, low, high));
                int above = k >= 0 ? k : -k - 1;
                for (int j = above - 1; j <= above; j++) {
                    if (j >= 0 && j < sums.length && sums[j] >= low && sums[j] <= high) {
                        double l = base[n] + sums[j];
                        min = Math.min(min, l * l / f - nu * sums[j]);
                    }
                }
            }
            if (min == Double.POSITIVE_INFINITY) {
                return continuous; // rounding put every neighbour outside the box: keep the continuous bound
            }
            discrete += min;
        }
        return Math.max(continuous, discrete);
    }

    /** Relative tolerance on subset sums against the box ends, which are summed in another order. */
    private static final double DISCRETE_SLACK = 1e-12;

    /**
     * Subset sums of devices from..M-1 by subset size: {@code [c]} holds the sorted sums of the
     * subsets of c devices, merged from those of from+1.. with and without work[from].
     */
    private double[][] subsetSums(int from) {
        if (from == devices) {
            return new double[][] {{0}};
        }
        double[][] rest = subsetSums[from + 1];
        double w = work[from];
        int k = devices - from;
        double[][] sums = new double[k + 1][];
        for (int size = 0; size <= k; size++) {
            double[] without = size < rest.length ? rest[size] : new double[0];
            double[] with = size > 0 ? rest[size - 1] : new double[0];
            sums[size] = merge(without, with, w);
        }
        return sums;
    }

    /** The sorted union of {@code sums} and {@code sums + w}. */
    private static double[] withItem(double[] sums, double w) {
        return merge(sums, sums, w);
    }

    /** The sorted union of {@code without} and {@code with + w}, both sorted. */
    private static double[] merge(double[] without, double[] with, double w) {
        double[] merged = new double[without.length + with.length];
        int i = 0;
        int j = 0;
        for (int t = 0; t < merged.length; t++) {
            if (j == with.length || (i < without.length && without[i] <= with[j] + w)) {
                merged[t] = without[i++];
            } else {
                merged[t] = with[j++] + w;
            }
        }
        return merged;
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

package org.mecopt.offloading;

import org.mecopt.api.Deadline;
import org.mecopt.api.Outcome;
import org.mecopt.api.SolveContext;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;

/**
 * {@code exact}: the proven-optimal assignment with its KKT CPU split, by {@link BranchAndBound}
 * started from the local-search incumbent. OPTIMAL means no assignment is better by more than
 * {@link SolverOptions#relativeGap()} (default {@value #DEFAULT_GAP} when not set) of the real-valued objective; the result's
 * bound is the smallest pruned-node bound. Iterations are search nodes. From
 * {@value #COUPLED_BOUND_DEVICES} devices on, the incumbent is first improved by an iterated local
 * search whose kicks follow {@link SolverOptions#seed()}, and the tree also uses the coupled and
 * the discrete bound and, once {@value #PARTITION_AFTER_NODES} nodes have not closed the tree, at
 * depths ≤ {@value #PARTITION_DEPTH} the set-partitioning bound ({@link PartitionBound}: each
 * server prices its own best set of whole devices, which is what closes loose capacity, where the
 * continuous relaxation leaves 2–4e-5 to close), with reduced-cost fixing of device–server pairs
 * after its root ascent; from {@value #LARGE_DEVICES} devices on it is on from the root, its plain
 * root ascent is continued by the Volume algorithm and the root's pricing sets are repaired into an
 * incumbent. At a requested gap of at
 * least {@value #RELAXATION_GAP} the relaxation bound ({@link RelaxationBound}) is tried at the root
 * first and certifies the local-search point when it closes the gap (100×10 at 1e-4 in a few
 * milliseconds). On the time limit it returns the incumbent as LIMIT_REACHED with the larger of
 * the relaxation bound and the root's partition bound, or OPTIMAL when that closes the requested gap.
 *
 * <p>Why hand-written and not a MIP/CP solver: the problem is a convex quadratic 0-1 program whose
 * bounds (water-filling, subset sums, a set-partitioning bound with exact pricing) cost
 * microseconds to a fraction of a millisecond per node; OR-Tools CP-SAT on an integer-scaled model
 * is compared side by side in the README (it needs rescaling, is only ~5e-6 precise, and is
 * 10–100× slower on these families).
 */
public final class ExactSolver extends AssignmentSolver {

    /** The relative gap when none is set. */
    static final double DEFAULT_GAP = 1e-9;
    /**
     * Requested gaps from which the root relaxation bound is tried first: below it the bound
     * (≥ 1e-5 away on every family measured) cannot certify, and the paper's 9×3 instances, solved
     * in ~10 µs, would pay for it.
     */
    static final double RELAXATION_GAP = 1e-6;
    /**
     * Devices from which the branch and bound also uses the coupled bound (the root multipliers'
     * reduced costs) and the discrete load bound ({@link BranchAndBound}): below, the trees are
     * small (9×3: ~10 µs) and the dual ascent and subset sums cost more than they save (9×3 p50
     * 7.8 → 11.6 µs with the discrete bound).
     */
    static final int COUPLED_BOUND_DEVICES = 16;
    /**
     * Rounds of {@link LocalSearch#iterated} per device before branching, from the same size on:
     * the tree prunes against the incumbent, and at 30×5 a few milliseconds of kicks lower it by
     * 2e-5–1.5e-4, more than the gap the tree has to close.
     */
    static final int KICKS_PER_DEVICE = 10;
    /**
     * Ascent steps of the set-partitioning bound ({@link PartitionBound}) at the root, and at every
     * other node of depth ≤ {@link #PARTITION_DEPTH} where the cheaper bounds do not prune
     * (warm-started from the parent's multipliers). Measured on 30×5 and 20×4 at both capacities
     * (tuning seeds 7000–7009): depth 8–12 and 5–10 steps are within noise of each other; using it
     * at every depth made tight capacity ~90× slower on one instance (0.44 s instead of 5 ms) (its partition bound is 5e-5
     * below the optimum there, so deep nodes paid for ascents that did not prune). The root's
     * 150 steps, followed by reduced-cost fixing of device–server pairs, against 300 steps without
     * fixing: 30×5×9 p50 101 vs 170 ms, max 208 vs 297 ms (seeds 7000–7009), 88 vs 115 / 329 vs
     * 399 ms (8000–8009); 75 steps were a little faster at the median, slower on tight capacity.
     */
    static final int PARTITION_ROOT_ITERATIONS = 150;
    static final int PARTITION_NODE_ITERATIONS = 5;
    static final int PARTITION_DEPTH = 10;
    /**
     * Nodes the tree searches with its cheaper bounds alone before the partition bound is switched
     * on: most 20×4 instances close within them (JMH family 20×4×5: p50 ~1 ms), and the root
     * ascent alone costs 1–5 ms there.
     */
    static final long PARTITION_AFTER_NODES = 20_000;

    /**
     * Devices from which the set-partitioning bound is on from the root and its plain root ascent is
     * followed by up to {@value #VOLUME_ROOT_ITERATIONS} steps of the Volume algorithm
     * ({@link PartitionBound#ascendVolume}). At 100×10 the cheaper bounds cannot prune near the
     * root (20 000 nodes there are wasted), and the plain ascent stalls: 100×10×10 seed 7002 went
     * from 2.4e-4 below the incumbent after 150 plain steps to 2.1e-4 after 600, while the Volume
     * steps after them reached 2e-5 after 150 more and 1e-6 after 450. With 1 500 (the ascent stops
     * earlier when it stalls, {@link PartitionBound#VOLUME_STALL_WINDOW}) the root bound on that
     * seed is 2.4e-7 below the optimum, reduced-cost fixing removes 840 of 1 000 pairs and the tree
     * proves the optimum at gap 1e-9 (6–13 s); with 450 it did not within 10 s. At 30×5 and 20×4
     * the plain ascent is enough and nothing changes there.
     */
    static final int LARGE_DEVICES = 50;
    static final int VOLUME_ROOT_ITERATIONS = 1500;
    /** From the same size on, reduced-cost fixing gives up when this many devices removed no pair. */
    static final int FIXING_PROBE_DEVICES = 10;

    @Override
    public String name() {
        return "exact";
    }

    @Override
    public String guarantee() {
        return "global optimum (branch and bound, relative gap 1e-9 by default)";
    }

    @Override
    protected Outcome<OffloadingSolution> search(OffloadingInstance instance, SolveContext context) {
        Deadline deadline = context.deadline();
        AssignmentCosts c = new AssignmentCosts(instance);
        LocalSearch warm = new LocalSearch(c, Heuristics.greedy(c));
        warm.run(deadline);
        double gap = context.relativeGap(DEFAULT_GAP);
        double total = c.total(warm.assignment());
        RelaxationBound.Dual dual = null;
        if (gap >= RELAXATION_GAP || c.devices >= COUPLED_BOUND_DEVICES) {
            dual = RelaxationBound.maximize(c, warm.assignment(), total, LocalSearchSolver.DEFAULT_BOUND_ITERATIONS);
        }
        if (gap >= RELAXATION_GAP) {
            // The continuous relaxation's dual is within ~1e-5–1e-4 of the optimum on these families
            // (100×10: 2.4e-5–2.8e-5) and costs a few milliseconds: at a requested gap it can reach,
            // it may certify the local-search point before any branching
            double root = dual.value();
            if (total - root <= gap * total) {
                return noted(claim(instance, warm.assignment(), Status.OPTIMAL, root).withIterations(1),
                        "certified by the relaxation bound at the root");
            }
        }
        int[] start = warm.assignment();
        if (c.devices >= COUPLED_BOUND_DEVICES) {
            start = LocalSearch.iterated(c, start, KICKS_PER_DEVICE * c.devices, context.seed(), deadline);
        }
        boolean strong = c.devices >= COUPLED_BOUND_DEVICES;
        BranchAndBound bb = new BranchAndBound(c, start, gap, deadline, strong ? dual : null,
                strong ? BranchAndBound.DISCRETE_DEPTH : 0);
        if (strong) {
            PartitionBound partition = new PartitionBound(c, bb.order());
            boolean large = c.devices >= LARGE_DEVICES;
            bb.usePartitionBound(partition, partition.start(dual), PARTITION_DEPTH, PARTITION_ROOT_ITERATIONS,
                    PARTITION_NODE_ITERATIONS, large ? 0 : PARTITION_AFTER_NODES, true);
            if (large) {
                bb.useRootVolume(VOLUME_ROOT_ITERATIONS);
                bb.useRootRepair(true);
                bb.giveUpFixingAfter(FIXING_PROBE_DEVICES);
            }
        }
        if (bb.run()) {
            return claim(instance, bb.best(), Status.OPTIMAL, bb.provenBound()).withIterations(bb.nodes());
        }
        double bound = RelaxationBound.lowerBound(c, bb.best(), bb.bestTotal(),
                LocalSearchSolver.DEFAULT_BOUND_ITERATIONS);
        if (dual != null) {
            // both are valid bounds, and the ascent from the root's start can end a little higher
            bound = Math.max(bound, dual.value());
        }
        if (bb.rootPartitionBound() > bound) {
            bound = bb.rootPartitionBound();
        }
        if (bb.bestTotal() - bound <= gap * bb.bestTotal()) {
            return noted(claim(instance, bb.best(), Status.OPTIMAL, bound).withIterations(bb.nodes()),
                    "the tree was not closed in time, but the relaxation or set-partitioning bound certifies the requested gap");
        }
        return noted(claim(instance, bb.best(), Status.LIMIT_REACHED, bound).withIterations(bb.nodes()),
                "time limit of " + context.timeLimitMillis() + " ms reached before the search tree was closed");
    }
}

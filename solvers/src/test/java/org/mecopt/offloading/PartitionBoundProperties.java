package org.mecopt.offloading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.mecopt.api.Deadline;

/**
 * {@link PartitionBound} against brute force: the pricing search against enumerating every subset,
 * the bound against every completion of the node for any multipliers (also with the pricing cut
 * short by a tiny node budget, and after the plain and the Volume ascent), its start against the relaxation dual it comes from, and the
 * branch and bound that uses it against the brute-force optimum.
 */
class PartitionBoundProperties {

    private static int[] identity(int m) {
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Fixes each device with probability 1/3 on a random server, never beyond a server's capacity. */
    private static int[] randomFixing(AssignmentCosts c, PartitionBound pb, Random rng) {
        int[] fixed = new int[c.devices];
        int[] count = new int[c.servers];
        for (int i = 0; i < c.devices; i++) {
            fixed[i] = -1;
            int n = rng.nextInt(c.servers);
            if (rng.nextInt(3) == 0 && count[n] < c.capacity[n]) {
                fixed[i] = n;
                count[n]++;
                pb.fix(i, n);
            }
        }
        return fixed;
    }

    /** Multipliers around the relaxation's start, spread by up to the largest delay, or anywhere in it. */
    private static double[] randomPi(AssignmentCosts c, PartitionBound pb, Random rng) {
        double scale = 0;
        for (double[] row : c.tx) {
            for (double t : row) {
                scale = Math.max(scale, t);
            }
        }
        for (double w : c.work) {
            scale = Math.max(scale, w * w / c.cpu[0]);
        }
        int[] greedy = Heuristics.greedy(c);
        double[] pi = pb.start(RelaxationBound.maximize(c, greedy, c.total(greedy), 50));
        double spread = rng.nextBoolean() ? 1e-3 : 1;
        for (int i = 0; i < pi.length; i++) {
            pi[i] += spread * scale * (2 * rng.nextDouble() - 1);
        }
        return pi;
    }

    /** The least cost of any capacity-respecting completion of the fixing, by enumeration (∞ if none). */
    private static double bestCompletion(AssignmentCosts c, int[] fixed) {
        int[] best = ExactCapacityFamiliesProperties.bruteForce(c, fixed);
        return best == null ? Double.POSITIVE_INFINITY : c.total(best);
    }

    /** min over free allowed subsets S, |S| ≤ free slots, of Σ (tx − π) + (fixed load + Σ w)²/F, by enumeration. */
    private static double bruteForcePrice(AssignmentCosts c, int[] fixed, int n, double[] pi) {
        double base = 0;
        int used = 0;
        int[] free = new int[c.devices];
        int k = 0;
        for (int i = 0; i < c.devices; i++) {
            if (fixed[i] == n) {
                base += c.work[i];
                used++;
            } else if (fixed[i] < 0) {
                free[k++] = i;
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << k; mask++) {
            if (Integer.bitCount(mask) > c.capacity[n] - used) {
                continue;
            }
            double v = 0;
            double l = base;
            for (int j = 0; j < k; j++) {
                if ((mask >> j & 1) != 0) {
                    v += c.tx[free[j]][n] - pi[free[j]];
                    l += c.work[free[j]];
                }
            }
            best = Math.min(best, v + l * l / c.cpu[n]);
        }
        return best;
    }

    @Property(tries = 500)
    void pricingEqualsEnumerationAndItsBoundHoldsWhenCutShort(@ForAll long seed,
                                                             @ForAll @IntRange(min = 1, max = 12) int m,
                                                             @ForAll @IntRange(min = 1, max = 3) int n,
                                                             @ForAll @IntRange(min = 0, max = 4) int kind) {
        AssignmentCosts c = new AssignmentCosts(ExactBoundSoundnessProperties.pick(seed, m, n, kind));
        Random rng = new Random(seed);
        PartitionBound pb = new PartitionBound(c, identity(m));
        int[] fixed = randomFixing(c, pb, rng);
        double[] pi = randomPi(c, pb, rng);
        for (int s = 0; s < n; s++) {
            double expected = bruteForcePrice(c, fixed, s, pi);
            double tol = 1e-12 * (1 + Math.abs(expected) + scale(c, pi));
            pb.setBudget(PartitionBound.DEFAULT_BUDGET);
            double[] exact = pb.priceServer(s, pi);
            assertEquals(expected, exact[0], tol, "server " + s);
            assertEquals(exact[0], exact[1], 0, "finished within the budget");
            pb.setBudget(1 + rng.nextInt(3));
            double[] cut = pb.priceServer(s, pi);
            assertTrue(cut[1] <= expected + tol, "cut short: bound " + cut[1] + " above the minimum " + expected);
            assertTrue(cut[0] >= expected - tol, "cut short: a set better than the minimum?");
        }
    }

    private static double scale(AssignmentCosts c, double[] pi) {
        double s = 0;
        for (double p : pi) {
            s += Math.abs(p);
        }
        return s;
    }

    /**
     * LB(π) below every completion for random π and random fixings, with exact pricing, with pricing
     * cut short, and after an ascent; a partition of the free devices by the pricing sets is a
     * completion whose reported cost is its true cost.
     */
    @Property(tries = 500)
    void boundIsBelowEveryCompletionForAnyMultipliers(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int m,
                                                      @ForAll @IntRange(min = 2, max = 3) int n,
                                                      @ForAll @IntRange(min = 0, max = 4) int kind) {
        AssignmentCosts c = new AssignmentCosts(ExactBoundSoundnessProperties.pick(seed, m, n, kind));
        Random rng = new Random(seed);
        PartitionBound pb = new PartitionBound(c, identity(m));
        int[] fixed = randomFixing(c, pb, rng);
        double best = bestCompletion(c, fixed);
        double[] pi = randomPi(c, pb, rng);
        double tol = 1e-12 * (Math.abs(best) + scale(c, pi));
        for (long budget : new long[] {PartitionBound.DEFAULT_BUDGET, 1}) {
            pb.setBudget(budget);
            double lb = pb.evaluate(pi);
            assertTrue(lb <= best + tol, "LB " + lb + " above the best completion " + best + ", budget " + budget);
            int[] out = new int[m];
            double cost = pb.partition(out);
            if (!Double.isNaN(cost)) {
                assertEquals(c.total(out), cost, 1e-12 * cost);
                for (int i = 0; i < m; i++) {
                    assertTrue(fixed[i] < 0 || fixed[i] == out[i]);
                }
            }
        }
        pb.setBudget(PartitionBound.DEFAULT_BUDGET);
        if (best < Double.POSITIVE_INFINITY) {
            double lb = pb.ascend(pi, best, Double.POSITIVE_INFINITY, 30, Deadline.NEVER);
            assertTrue(lb <= best + tol, "after the ascent: LB " + lb + " above " + best);
        }
    }

    /**
     * The Volume ascent (from random multipliers, at a random fixing, with the target at the best
     * completion or far above it) stays below every completion, never ends below its start, and
     * leaves multipliers whose bound is the value it returns (the tree's reduced-cost fixing
     * evaluates them again).
     */
    @Property(tries = 300)
    void volumeAscentStaysBelowEveryCompletion(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int m,
                                               @ForAll @IntRange(min = 2, max = 3) int n,
                                               @ForAll @IntRange(min = 0, max = 4) int kind,
                                               @ForAll boolean farTarget) {
        AssignmentCosts c = new AssignmentCosts(ExactBoundSoundnessProperties.pick(seed, m, n, kind));
        Random rng = new Random(seed);
        PartitionBound pb = new PartitionBound(c, identity(m));
        int[] fixed = randomFixing(c, pb, rng);
        double best = bestCompletion(c, fixed);
        if (best == Double.POSITIVE_INFINITY) {
            return;
        }
        double[] pi = randomPi(c, pb, rng);
        double tol = 1e-12 * (Math.abs(best) + scale(c, pi));
        double before = pb.evaluate(pi);
        double target = farTarget ? best + Math.abs(best) + 1 : best;
        double lb = pb.ascendVolume(pi, target, Double.POSITIVE_INFINITY, 60, Deadline.NEVER,
                PartitionBound.VOLUME_SCHEDULE[0][0], 3);
        assertTrue(lb <= best + tol, "Volume: LB " + lb + " above the best completion " + best);
        assertTrue(lb >= before, "Volume ended at " + lb + " below its start " + before);
        assertEquals(lb, pb.evaluate(pi), tol, "the returned multipliers do not give the returned bound");
    }

    /** From any relaxation dual point (λ any sign, μ ≥ 0), the start multipliers give LB ≥ q(λ, μ). */
    @Property(tries = 200)
    void startIsAtLeastTheRelaxationDual(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int m,
                                         @ForAll @IntRange(min = 1, max = 4) int n,
                                         @ForAll @IntRange(min = 0, max = 4) int kind, @ForAll boolean ascent) {
        AssignmentCosts c = new AssignmentCosts(ExactBoundSoundnessProperties.pick(seed, m, n, kind));
        int[] greedy = Heuristics.greedy(c);
        RelaxationBound.Dual dual = ascent
                ? RelaxationBound.maximize(c, greedy, c.total(greedy), LocalSearchSolver.DEFAULT_BOUND_ITERATIONS)
                : ExactBoundSoundnessProperties.randomDual(c, new Random(seed));
        PartitionBound pb = new PartitionBound(c, identity(m));
        double[] pi = pb.start(dual);
        double lb = pb.evaluate(pi);
        assertTrue(lb >= dual.value() - 1e-12 * (Math.abs(dual.value()) + scale(c, pi)),
                "LB(start) " + lb + " below q " + dual.value());
    }

    /**
     * The tree with the partition bound at every depth (and the coupled and discrete ones) finds
     * the optimum, also when the bound is switched on in the middle of the search (after
     * {@code after} nodes, with devices on the path fixed), with and without reduced-cost fixing.
     */
    @Property(tries = 300)
    void branchAndBoundWithThePartitionBoundMatchesBruteForce(@ForAll long seed,
                                                              @ForAll @IntRange(min = 1, max = 8) int m,
                                                              @ForAll @IntRange(min = 1, max = 4) int n,
                                                              @ForAll @IntRange(min = 0, max = 4) int kind,
                                                              @ForAll @IntRange(min = 0, max = 30) int after,
                                                              @ForAll boolean fixPairs,
                                                              @ForAll boolean volume) {
        AssignmentCosts c = new AssignmentCosts(ExactBoundSoundnessProperties.pick(seed, m, n, kind));
        int[] none = new int[m];
        java.util.Arrays.fill(none, -1);
        double best = bestCompletion(c, none);
        int[] start = Heuristics.greedy(c);
        RelaxationBound.Dual dual = RelaxationBound.maximize(c, start, c.total(start), 100);
        BranchAndBound bb = new BranchAndBound(c, start, 0, Deadline.NEVER, dual, BranchAndBound.DISCRETE_DEPTH);
        PartitionBound pb = new PartitionBound(c, bb.order());
        bb.usePartitionBound(pb, pb.start(dual), m, 20, 3, after, fixPairs);
        if (volume) {
            bb.useRootVolume(30);
            bb.useRootRepair(true);
        }
        assertTrue(bb.run());
        assertEquals(best, bb.bestTotal(), 1e-9 * best);
        assertTrue(bb.provenBound() <= best * (1 + 1e-12), "bound " + bb.provenBound() + " above " + best);
        assertTrue(!(bb.rootPartitionBound() > best * (1 + 1e-12)), "root bound above the optimum");
    }

    /**
     * At 16–18 devices (beyond brute force), the tree as {@link ExactSolver} configures it — every
     * bound, the partition bound at depths ≤ {@link ExactSolver#PARTITION_DEPTH}, switched on at
     * once or after some nodes, with or without reduced-cost fixing — against the plain tree with the separable bound alone, both at gap 0.
     */
    @Property(tries = 12)
    void partitionTreeMatchesThePlainTree(@ForAll @IntRange(min = 0, max = 100_000) int seed,
                                          @ForAll @IntRange(min = 16, max = 18) int m,
                                          @ForAll @IntRange(min = 0, max = 4) int kind,
                                          @ForAll @IntRange(min = 0, max = 2000) int after,
                                          @ForAll boolean fixPairs) {
        AssignmentCosts c = new AssignmentCosts(ExactBoundSoundnessProperties.pick(seed, m, 3, kind));
        int[] start = Heuristics.greedy(c);
        BranchAndBound plain = new BranchAndBound(c, start, 0, Deadline.NEVER, null, 0);
        assertTrue(plain.run());
        double best = plain.bestTotal();
        RelaxationBound.Dual dual = RelaxationBound.maximize(c, start, c.total(start),
                LocalSearchSolver.DEFAULT_BOUND_ITERATIONS);
        BranchAndBound bb = new BranchAndBound(c, start, 0, Deadline.NEVER, dual, BranchAndBound.DISCRETE_DEPTH);
        PartitionBound pb = new PartitionBound(c, bb.order());
        bb.usePartitionBound(pb, pb.start(dual), ExactSolver.PARTITION_DEPTH, ExactSolver.PARTITION_ROOT_ITERATIONS,
                ExactSolver.PARTITION_NODE_ITERATIONS, after, fixPairs);
        assertTrue(bb.run());
        // Both trees sum loads incrementally over thousands of nodes, so their values (and a root
        // bound that meets the optimum) carry ~1e-12 of rounding: objectives to the solver's gap,
        // the bound against the better of both assignments re-evaluated from scratch, to 1e-10.
        assertEquals(best, bb.bestTotal(), 1e-9 * best);
        double optimum = Math.min(c.total(plain.best()), c.total(bb.best()));
        assertTrue(bb.provenBound() <= optimum * (1 + 1e-10), "bound " + bb.provenBound() + " above " + optimum);
    }
}

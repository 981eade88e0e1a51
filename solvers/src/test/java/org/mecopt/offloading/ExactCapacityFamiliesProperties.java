package org.mecopt.offloading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.mecopt.api.Deadline;
import org.mecopt.api.Result;
import org.mecopt.api.Status;

/**
 * {@code exact}'s node bounds (the separable one, the coupled one from the root multipliers, and
 * their discrete subset-sum strengthening, {@link BranchAndBound}) against brute force on the
 * capacity families of issue 12: seed-004 distributions with {@code maxTasks = ⌈1.5·M/N⌉} (loose)
 * and {@code ⌈M/N⌉} (tight, every server full when N divides M), and the wide random instances of
 * {@link Instances}.
 */
class ExactCapacityFamiliesProperties {

    private static OffloadingInstance family(long seed, int m, int n, boolean loose) {
        int maxTasks = loose ? (int) Math.ceil(1.5 * m / n) : (m + n - 1) / n;
        return OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER.withSize(m, n, maxTasks), seed);
    }

    private static OffloadingInstance pick(long seed, int m, int n, int kind) {
        return switch (kind) {
            case 0 -> family(seed, m, n, true);
            case 1 -> family(seed, m, n, false);
            default -> Instances.random(seed, m, n);
        };
    }

    /** The best summed delay over all capacity-respecting assignments, and one assignment reaching it. */
    static int[] bruteForce(AssignmentCosts c) {
        int[] free = new int[c.devices];
        java.util.Arrays.fill(free, -1);
        return bruteForce(c, free);
    }

    /**
     * As {@link #bruteForce(AssignmentCosts)} among the assignments that put device i on
     * {@code fixed[i]} where that is not negative; null if there is none.
     */
    static int[] bruteForce(AssignmentCosts c, int[] fixed) {
        int[] assignment = new int[c.devices];
        int[] best = null;
        double bestTotal = Double.POSITIVE_INFINITY;
        long total = (long) Math.pow(c.servers, c.devices);
        for (long code = 0; code < total; code++) {
            long k = code;
            int[] count = new int[c.servers];
            boolean ok = true;
            for (int i = 0; i < c.devices && ok; i++) {
                assignment[i] = (int) (k % c.servers);
                k /= c.servers;
                ok = (fixed[i] < 0 || fixed[i] == assignment[i]) && ++count[assignment[i]] <= c.capacity[assignment[i]];
            }
            if (ok) {
                double t = c.total(assignment);
                if (t < bestTotal) {
                    bestTotal = t;
                    best = assignment.clone();
                }
            }
        }
        return best;
    }

    private static RelaxationBound.Dual rootDual(AssignmentCosts c, int[] start) {
        return RelaxationBound.maximize(c, start, c.total(start), LocalSearchSolver.DEFAULT_BOUND_ITERATIONS);
    }

    @Property(tries = 150)
    void branchAndBoundWithEveryBoundMatchesBruteForce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int m,
                                                       @ForAll @IntRange(min = 1, max = 4) int n,
                                                       @ForAll @IntRange(min = 0, max = 2) int kind) {
        AssignmentCosts c = new AssignmentCosts(pick(seed, m, n, kind));
        int[] optimum = bruteForce(c);
        double best = c.total(optimum);
        // from the greedy point, not the local optimum, so that the tree has to find the optimum itself
        int[] start = Heuristics.greedy(c);
        for (RelaxationBound.Dual dual : new RelaxationBound.Dual[] {null, rootDual(c, start)}) {
            for (int discrete : new int[] {0, BranchAndBound.DISCRETE_DEPTH}) {
                BranchAndBound bb = new BranchAndBound(c, start, 0, Deadline.NEVER, dual, discrete);
                assertTrue(bb.run());
                String what = "dual " + (dual != null) + ", discrete depth " + discrete;
                assertEquals(best, bb.bestTotal(), 1e-9 * best, what);
                assertTrue(bb.provenBound() <= best * (1 + 1e-12), what + ": bound " + bb.provenBound() + " above " + best);
            }
        }
    }

    /**
     * Every node bound on the optimum's path and on a random assignment's path is at most that
     * assignment's value, and with every device placed both equal it: the coupled bound's identity
     * {@code f = q + Σρ + Σμ·slack + Σ(L − Fλ/2)²/F} holds to rounding.
     */
    @Property(tries = 150)
    void nodeBoundsNeverExceedACompletionAndAreExactAtTheLeaf(@ForAll long seed,
                                                               @ForAll @IntRange(min = 1, max = 8) int m,
                                                               @ForAll @IntRange(min = 1, max = 4) int n,
                                                               @ForAll @IntRange(min = 0, max = 2) int kind) {
        AssignmentCosts c = new AssignmentCosts(pick(seed, m, n, kind));
        int[] optimum = bruteForce(c);
        int[] other = randomFeasible(c, new Random(seed));
        BranchAndBound bb = new BranchAndBound(c, Heuristics.greedy(c), 0, Deadline.NEVER,
                rootDual(c, Heuristics.greedy(c)), BranchAndBound.DISCRETE_DEPTH);
        for (int[] x : new int[][] {optimum, other}) {
            double value = c.total(x);
            for (int placed = 0; placed <= m; placed++) {
                double[] bounds = bb.nodeBounds(x, placed);
                for (double b : bounds) {
                    assertTrue(b <= value * (1 + 1e-12), "bound " + b + " above " + value + " at " + placed + " placed");
                }
            }
            double[] leaf = bb.nodeBounds(x, m);
            assertEquals(value, leaf[0], 1e-9 * value, "separable at the leaf");
            assertEquals(value, leaf[1], 1e-9 * value, "coupled at the leaf");
        }
    }

    private static int[] randomFeasible(AssignmentCosts c, Random rng) {
        int[] x = new int[c.devices];
        int[] count = new int[c.servers];
        for (int i = 0; i < c.devices; i++) {
            int s;
            do {
                s = rng.nextInt(c.servers);
            } while (count[s] >= c.capacity[s]);
            count[s]++;
            x[i] = s;
        }
        return x;
    }

    /**
     * The public solver on the families at 16–18 devices, where it uses the iterated local search,
     * the coupled and the discrete bound ({@link ExactSolver#COUPLED_BOUND_DEVICES}), with two
     * servers so brute force stays at ≤ 2^18 assignments.
     */
    @Property(tries = 12)
    void exactSolverMatchesBruteForceWithTheCoupledBound(@ForAll @IntRange(min = 0, max = 100_000) int seed,
                                                         @ForAll @IntRange(min = 16, max = 18) int m,
                                                         @ForAll boolean loose) {
        OffloadingInstance instance = family(seed, m, 2, loose);
        AssignmentCosts c = new AssignmentCosts(instance);
        double best = c.total(bruteForce(c)) / m;
        Result<OffloadingSolution> r = new ExactSolver().solve(instance);
        assertEquals(Status.OPTIMAL, r.status());
        assertEquals(best, r.objective(), 1e-9 * best);
        assertTrue(r.bound() <= best * (1 + 1e-12));
    }
}

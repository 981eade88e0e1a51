package org.mecopt.offloading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.mecopt.api.Deadline;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;

/** Every node bound of {@link BranchAndBound}, for ANY multipliers (λ any sign, μ ≥ 0), below every completion. */
class ExactBoundSoundnessProperties {

    static OffloadingInstance ties(long seed, int m, int n, boolean tight) {
        Random rng = new Random(seed);
        List<Device> devices = new ArrayList<>();
        double[] levels = {1e8, 4e8, 9e8};
        for (int i = 0; i < m; i++) {
            devices.add(new Device(1e5 * (1 + rng.nextInt(2)), levels[rng.nextInt(2)], 0.1));
        }
        int cap = tight ? (m + n - 1) / n : m;
        List<Server> servers = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            servers.add(new Server(1e9 * (1 + rng.nextInt(2)), cap));
        }
        double[][] gain = new double[m][n];
        for (double[] row : gain) {
            for (int j = 0; j < n; j++) {
                row[j] = 1e-2 * (1 + rng.nextInt(2));
            }
        }
        return new OffloadingInstance(1e6, 1e-9, devices, servers, gain);
    }

    static OffloadingInstance pick(long seed, int m, int n, int kind) {
        return switch (kind) {
            case 0 -> OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER.withSize(m, n,
                    (int) Math.ceil(1.5 * m / n)), seed);
            case 1 -> OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER.withSize(m, n, (m + n - 1) / n), seed);
            case 2 -> Instances.random(seed, m, n);
            case 3 -> ties(seed, m, n, true);
            default -> ties(seed, m, n, false);
        };
    }

    static RelaxationBound.Dual randomDual(AssignmentCosts c, Random rng) {
        double w = 0;
        for (double x : c.work) {
            w += x;
        }
        double[] lambda = new double[c.servers];
        double[] mu = new double[c.servers];
        double txScale = 0;
        for (double[] row : c.tx) {
            for (double t : row) {
                txScale = Math.max(txScale, t);
            }
        }
        for (int n = 0; n < c.servers; n++) {
            lambda[n] = 2 * w / c.servers / c.cpu[n] * (3 * rng.nextDouble() - 1);
            mu[n] = rng.nextBoolean() ? 0 : txScale * rng.nextDouble();
        }
        double q = 0;
        for (int n = 0; n < c.servers; n++) {
            q -= c.cpu[n] * lambda[n] * lambda[n] / 4 + mu[n] * c.capacity[n];
        }
        for (int m = 0; m < c.devices; m++) {
            double min = Double.POSITIVE_INFINITY;
            for (int n = 0; n < c.servers; n++) {
                min = Math.min(min, c.tx[m][n] + lambda[n] * c.work[m] + mu[n]);
            }
            q += min;
        }
        return new RelaxationBound.Dual(q, lambda, mu);
    }

    @Property(tries = 300)
    void everyNodeBoundIsBelowEveryCompletion(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int m,
                                              @ForAll @IntRange(min = 1, max = 4) int n,
                                              @ForAll @IntRange(min = 0, max = 4) int kind,
                                              @ForAll boolean ascent) {
        AssignmentCosts c = new AssignmentCosts(pick(seed, m, n, kind));
        Random rng = new Random(seed);
        int[] greedy = Heuristics.greedy(c);
        RelaxationBound.Dual dual = ascent
                ? RelaxationBound.maximize(c, greedy, c.total(greedy), LocalSearchSolver.DEFAULT_BOUND_ITERATIONS)
                : randomDual(c, rng);
        BranchAndBound bb = new BranchAndBound(c, greedy, 0, Deadline.NEVER, dual, BranchAndBound.DISCRETE_DEPTH);
        int[] x = new int[m];
        long total = (long) Math.pow(n, m);
        for (long code = 0; code < total; code++) {
            long k = code;
            int[] count = new int[n];
            boolean ok = true;
            for (int i = 0; i < m && ok; i++) {
                x[i] = (int) (k % n);
                k /= n;
                ok = ++count[x[i]] <= c.capacity[x[i]];
            }
            if (!ok) {
                continue;
            }
            double value = c.total(x);
            for (int placed = 0; placed <= m; placed++) {
                double[] b = bb.nodeBounds(x, placed);
                for (double v : b) {
                    assertTrue(!(v > value * (1 + 1e-12)), "bound " + v + " above completion " + value
                            + " at " + placed + " placed, kind " + kind);
                }
            }
        }
    }

    /** ExactSolver (coupled+discrete+ILS) against the plain tree (separable only), both at gap 0, 16-18 devices. */
    @Property(tries = 8)
    void exactMatchesPlainTree(@ForAll @IntRange(min = 0, max = 100_000) int seed,
                               @ForAll @IntRange(min = 16, max = 17) int m,
                               @ForAll @IntRange(min = 0, max = 4) int kind) {
        OffloadingInstance instance = pick(seed, m, 3, kind);
        AssignmentCosts c = new AssignmentCosts(instance);
        LocalSearch ls = new LocalSearch(c, Heuristics.greedy(c));
        ls.run(Deadline.NEVER);
        BranchAndBound plain = new BranchAndBound(c, ls.assignment(), 0, Deadline.NEVER, null, 0);
        assertTrue(plain.run());
        double best = plain.bestTotal() / m;
        for (long s : new long[] {1, 2}) {
            Result<OffloadingSolution> r = new ExactSolver().solve(instance,
                    SolverOptions.defaults().withRelativeGap(0d).withSeed(s));
            assertEquals(Status.OPTIMAL, r.status());
            assertEquals(best, r.objective(), 1e-12 * best);
            assertTrue(r.bound() <= best * (1 + 1e-12));
        }
    }
}

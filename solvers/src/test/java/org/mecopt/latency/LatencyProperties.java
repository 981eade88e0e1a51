package org.mecopt.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverRegistry;
import org.mecopt.api.Status;
import org.mecopt.channel.ChannelModel;

/** Invariants of the latency solvers on random gain matrices. */
class LatencyProperties {

    /** Random gains over orders of magnitude: strong or weak own signals, light or heavy interference. */
    static LatencyInstance random(long seed, int users, int subcarriers, boolean local) {
        Random rng = new Random(seed);
        double[][][] gain = new double[subcarriers][users][users];
        for (int n = 0; n < subcarriers; n++) {
            for (int k = 0; k < users; k++) {
                for (int j = 0; j < users; j++) {
                    gain[n][k][j] = k == j ? Math.pow(10, -1 + 3 * rng.nextDouble()) : Math.pow(10, -4 + 3.5 * rng.nextDouble());
                }
            }
        }
        List<LatencyUser> list = new ArrayList<>();
        for (int k = 0; k < users; k++) {
            list.add(new LatencyUser(1e3 * (0.5 + rng.nextDouble()), 1e3, 1e9));
        }
        return new LatencyInstance(5e6, 5e9, local, list, gain, null);
    }

    /**
     * A generated single-subcarrier instance (K = 8, M = 32, N = 1), cell-free or BS-centred: where
     * {@link ExactSingleCarrierSolver} gives the optimum to hold heuristics and local methods to.
     */
    static LatencyInstance generatedSingleCarrier(int seed, boolean bs) {
        return LatencyGenerator.generate(LatencyGenerator.Config.PAPER
                .with(bs ? ChannelModel.BS_MMIMO : ChannelModel.CELLFREE, 8, 32, 1), seed);
    }

    @Property(tries = 150)
    void interferenceFreeBoundIsBelowEverySolutionAndLatenciesAreReported(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int users, @ForAll @IntRange(min = 1, max = 3) int subcarriers,
            @ForAll boolean local) {
        LatencyInstance instance = random(seed, users, subcarriers, local);
        for (Solver<?, ?> any : SolverRegistry.forProblem("latency")) { // every registered one, new ones too
            Solver<LatencyInstance, LatencySolution> solver = SolverRegistry.get(LatencyInstance.class, any.name());
            Result<LatencySolution> r = solver.solve(instance);
            if (r.status() == Status.UNSUPPORTED) {
                assertTrue(solver.name().equals("exact-single-carrier") && subcarriers != 1, solver.name());
                continue;
            }
            if (r.status() == Status.INFEASIBLE_POINT) {
                assertEquals("local-only", solver.name());
                continue;
            }
            assertTrue(r.violations().isEmpty(), solver.name() + " " + r.violations());
            assertTrue(r.bound() <= r.objective() * (1 + 1e-12), solver.name() + ": bound above objective");
            assertEquals(r.objective(), instance.objective(r.solution()), 0, solver.name());
            double[] latency = r.solution().latencyS();
            double max = 0;
            for (double t : latency) {
                max = Math.max(max, t);
            }
            assertEquals(r.objective(), max, 1e-12 * max, solver.name() + ": reported latencies");
        }
    }

    @Property(tries = 150)
    void exactSingleCarrierBeatsEveryRandomPowerVector(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int users,
                                                       @ForAll boolean local) {
        LatencyInstance instance = random(seed, users, 1, local);
        Result<LatencySolution> exact = new ExactSingleCarrierSolver().solve(instance);
        assertEquals(Status.OPTIMAL, exact.status());
        assertTrue(exact.objective() - exact.bound() <= 1e-9 * exact.objective());
        Random rng = new Random(seed);
        for (int trial = 0; trial < 300; trial++) {
            double[][] p = new double[1][users];
            for (int k = 0; k < users; k++) {
                p[0][k] = rng.nextDouble() < 0.2 ? 1 : rng.nextDouble();
            }
            double value = instance.objective(instance.solutionFor(p));
            assertTrue(exact.objective() <= value * (1 + 1e-9), "random point " + value + " beats exact " + exact.objective());
        }
    }

    @Property(tries = 200)
    void rateNeededInvertsBestLatency(@ForAll long seed, @ForAll boolean local) {
        LatencyInstance instance = random(seed, 1, 1, local);
        double rate = Math.pow(10, 4 + 4 * new Random(seed).nextDouble());
        double t = instance.bestLatency(0, rate);
        assertEquals(rate, instance.rateNeeded(0, t), 1e-6 * rate);
        assertTrue(instance.rateNeeded(0, t * 1.01) < rate);
    }

    @Property(tries = 100)
    void waterLevelFillsExactly(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int n) {
        Random rng = new Random(seed);
        double[] floors = new double[n];
        for (int i = 0; i < n; i++) {
            floors[i] = Math.pow(10, -2 + 4 * rng.nextDouble());
        }
        double level = InterferenceFreeBound.waterLevel(floors, 1);
        double sum = 0;
        for (double f : floors) {
            sum += Math.max(0, level - f);
        }
        assertEquals(1, sum, 1e-12);
    }
}

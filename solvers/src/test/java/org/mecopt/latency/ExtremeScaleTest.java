package org.mecopt.latency;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.ProblemSolver;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;
import org.mecopt.channel.ChannelModel;

/**
 * The fuzzing campaign's latency failures (issue 17) as regressions, and the invariances behind
 * them. Multiplying task sizes, bandwidth and every CPU by the same factor leaves every latency
 * unchanged, so the global optimum of {@code exact-single-carrier} must not move and no solver's
 * bound may pass another's feasible latency. An instance that construction rejects (magnitude
 * ranges at validation) passes by being rejected.
 */
class ExtremeScaleTest {

    private static final List<PowerSolver> SOLVERS = List.of(new ExactSingleCarrierSolver(), new IcaSolver(),
            new IcaPaperSolver(), new Baselines.EqualPower(), new Baselines.InterferenceFree(),
            new Baselines.LocalOnly(), new Baselines.FullOffload());

    static <T> Optional<T> ifValid(Supplier<T> instance) {
        try {
            return Optional.of(instance.get());
        } catch (InvalidInstanceException e) {
            return Optional.empty();
        }
    }

    static LatencyInstance withUsers(LatencyInstance base, Function<LatencyUser, LatencyUser> change, double bandwidth,
                                     double serverCpu) {
        return new LatencyInstance(bandwidth, serverCpu, base.localComputing(), base.users().stream().map(change).toList(),
                base.gain(), null, base.sharedServerCpu());
    }

    static LatencyInstance scaled(LatencyInstance base, double s) {
        return withUsers(base, u -> new LatencyUser(u.taskBits() * s, u.cyclesPerBit(), u.cpuHz() * s),
                base.subcarrierBandwidthHz() * s, base.serverCpuHz() * s);
    }

    /**
     * Every feasible latency is at least every bound, and OPTIMAL is within its gap of every feasible
     * one (rounding, or {@code ica}'s gap parameter).
     */
    static void certificatesHold(LatencyInstance instance, String where) {
        List<Result<LatencySolution>> results = SOLVERS.stream()
                .map(s -> assertDoesNotThrow(() -> s.solve(instance), s.name() + " " + where)).toList();
        for (Result<LatencySolution> r : results) {
            assertNotEquals(Status.INFEASIBLE, r.status(), r.solver() + " " + where + ": every instance has a feasible point");
            for (Result<LatencySolution> other : results) {
                if (!other.hasFeasibleSolution()) {
                    continue;
                }
                if (r.bound() != null) {
                    assertTrue(r.bound() <= other.objective() * (1 + 1e-9), r.solver() + "'s bound " + r.bound()
                            + " above " + other.solver() + "'s " + other.objective() + " " + where);
                }
                if (r.status() == Status.OPTIMAL) {
                    // ica proves OPTIMAL within its gap parameter of the bound, the others to rounding
                    double slack = "ica".equals(r.solver()) ? IcaSolver.GAP.defaultValue() : 1e-9;
                    assertTrue(r.objective() <= other.objective() * (1 + slack), r.solver() + " OPTIMAL at "
                            + r.objective() + " above " + other.solver() + "'s " + other.objective() + " " + where);
                }
            }
        }
    }

    @Property(tries = 60)
    void scalingTasksBandwidthAndCpusTogetherMovesNoOptimum(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int users, @ForAll boolean local,
            @ForAll @IntRange(min = -150, max = 150) int exponent) {
        LatencyInstance base = LatencyProperties.random(seed, users, 1, local);
        double optimum = new ExactSingleCarrierSolver().solve(base).objective();
        Optional<LatencyInstance> big = ifValid(() -> scaled(base, Math.pow(10, exponent)));
        if (big.isEmpty()) {
            return; // refused by the instance ranges: nothing to solve (an Assume here would exhaust jqwik)
        }
        Result<LatencySolution> exact = new ExactSingleCarrierSolver().solve(big.get());
        assertEquals(Status.OPTIMAL, exact.status(), exact.message());
        assertEquals(optimum, exact.objective(), 1e-8 * optimum, "at 1e" + exponent);
        certificatesHold(big.get(), "at 1e" + exponent);
    }

    /** Found by the property below in CI: one carrier at gain ~10^-1 got 1 + 2 ulps of a budget of 1. */
    @Example
    void aLoneShareNeverExceedsTheBudget() {
        waterFillingSpendsTheWholeBudgetAtAnyGain(-3, 1, -1);
    }

    @Property(tries = 80)
    void waterFillingSpendsTheWholeBudgetAtAnyGain(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int n,
                                                   @ForAll @IntRange(min = -320, max = 300) int exponent) {
        java.util.Random rng = new java.util.Random(seed);
        double[] floors = new double[n];
        for (int s = 0; s < n; s++) {
            floors[s] = 1 / (Math.pow(10, exponent) * (1 + rng.nextDouble())); // 1/g, ∞ when g is subnormal
        }
        double[] out = new double[n];
        InterferenceFreeBound.waterFill(floors, 1, out);
        double sum = 0;
        for (double p : out) {
            assertTrue(p >= 0 && p <= 1, "share " + p + " at 1e" + exponent);
            sum += p;
        }
        assertEquals(1, sum, 1e-9, "at gains 1e" + exponent);
    }

    @Test
    void issueExamplesGiveNoExceptionAndNoFalseCertificate() {
        LatencyInstance base = LatencyGenerator.generate(LatencyGenerator.Config.PAPER.with(ChannelModel.CELLFREE, 4, 16, 1), 5);
        // server CPU 1e-300 and subnormal task sizes made ica-paper throw "h must be finite"
        ifValid(() -> withUsers(base, u -> u, base.subcarrierBandwidthHz(), 1e-300))
                .ifPresent(i -> certificatesHold(i, "server CPU 1e-300"));
        ifValid(() -> withUsers(base, u -> new LatencyUser(Double.MIN_VALUE, u.cyclesPerBit(), u.cpuHz()),
                base.subcarrierBandwidthHz(), base.serverCpuHz())).ifPresent(i -> certificatesHold(i, "subnormal tasks"));
        // tasks of 1e200 bits: a·t overflowed in rateNeeded, and exact-single-carrier "proved" local computing optimal
        ifValid(() -> withUsers(base, u -> new LatencyUser(1e200, u.cyclesPerBit(), u.cpuHz()),
                base.subcarrierBandwidthHz(), base.serverCpuHz())).ifPresent(i -> {
                    certificatesHold(i, "tasks of 1e200 bits");
                    assertEquals(Status.OPTIMAL, new ExactSingleCarrierSolver().solve(i).status());
                });
        // subnormal gains: 1/g overflowed and the water-filled powers were NaN (INFEASIBLE_POINT)
        double[][][] gain = base.gain();
        for (double[] row : gain[0]) {
            java.util.Arrays.fill(row, Double.MIN_VALUE);
        }
        ifValid(() -> new LatencyInstance(base.subcarrierBandwidthHz(), base.serverCpuHz(), true, base.users(), gain,
                null, false)).ifPresent(i -> {
                    certificatesHold(i, "subnormal gains");
                    for (PowerSolver s : List.of(new ExactSingleCarrierSolver(), new Baselines.InterferenceFree())) {
                        assertTrue(s.solve(i).hasFeasibleSolution(), s.name());
                    }
                });
    }

    @Test
    void theInteriorPointIterationsLookAtTheClock() {
        LatencyInstance instance = LatencyGenerator.generate(LatencyGenerator.Config.PAPER.with(ChannelModel.CELLFREE, 12, 32, 4), 2);
        SolverOptions options = SolverOptions.defaults().withParameter("start", "equal-power").withTimeLimitMillis(12);
        for (ProblemSolver<LatencyInstance, LatencySolution> solver : List.of(new IcaSolver(), new IcaPaperSolver())) {
            long[] readings = {0};
            // time moves only when it is read, by a millisecond: the limit is 12 readings, whatever the machine
            Result<LatencySolution> r = solver.solve(instance, options, () -> ++readings[0] * 1_000_000L);
            assertEquals(Status.LIMIT_REACHED, r.status(), solver.name());
            assertEquals(1, r.iterations(), solver.name() + ": stopped inside the first subproblem's Newton iterations "
                    + "(looking only between subproblems, it would have taken several)");
            assertTrue(readings[0] <= 12 + 5, solver.name() + " read the clock " + readings[0] + " times");
        }
    }
}

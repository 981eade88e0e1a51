package org.mecopt.offloading;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;

/**
 * The fuzzing campaign's offloading failures (issue 17) as regressions, and the scale invariance
 * they broke: multiplying every task's cycles and every server's CPU by the same factor leaves
 * every delay unchanged, so the optimum must not move, at any factor the doubles can hold. An
 * instance that construction rejects (magnitude ranges at validation) passes these tests by
 * being rejected; one that is accepted must be solved without an exception or a false claim.
 */
class ExtremeScaleTest {

    private static final List<AssignmentSolver> SOLVERS = List.of(new ExactSolver(), new GreedySolver(),
            new LocalSearchSolver(), new RoaSolver(), new GoaSolver());

    /** The instance, or empty when validation refuses it (then there is nothing to solve). */
    static <T> Optional<T> ifValid(Supplier<T> instance) {
        try {
            return Optional.of(instance.get());
        } catch (InvalidInstanceException e) {
            return Optional.empty();
        }
    }

    static OffloadingInstance scaled(OffloadingInstance base, double factor) {
        return new OffloadingInstance(base.bandwidthHz(), base.noiseW(),
                base.devices().stream().map(d -> new Device(d.inputBits(), d.cycles() * factor, d.txPowerW())).toList(),
                base.servers().stream().map(s -> new Server(s.cpuHz() * factor, s.maxTasks())).toList(),
                base.channelGain());
    }

    @Property(tries = 150)
    void scalingCyclesAndCpusTogetherMovesNoOptimum(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int m,
                                                    @ForAll @IntRange(min = 1, max = 3) int n,
                                                    @ForAll @IntRange(min = -280, max = 280) int exponent) {
        OffloadingInstance base = Instances.random(seed, m, n);
        double optimum = Instances.bruteForceOptimum(base);
        Optional<OffloadingInstance> big = ifValid(() -> scaled(base, Math.pow(10, exponent)));
        if (big.isEmpty()) {
            return; // refused by the instance ranges: nothing to solve (an Assume here would exhaust jqwik)
        }
        Result<OffloadingSolution> exact = new ExactSolver().solve(big.get());
        assertEquals(Status.OPTIMAL, exact.status(), exact.message());
        assertEquals(optimum, exact.objective(), 1e-9 * optimum, "at 1e" + exponent);
        for (AssignmentSolver solver : SOLVERS) {
            Result<OffloadingSolution> r = solver.solve(big.get(), SolverOptions.defaults().withSeed(seed));
            if (r.hasFeasibleSolution()) {
                assertTrue(r.objective() >= optimum * (1 - 1e-9), solver.name() + " beat the optimum at 1e" + exponent);
            }
            if (r.bound() != null) {
                assertTrue(r.bound() <= optimum * (1 + 1e-9), solver.name() + " bound above the optimum at 1e" + exponent);
            }
        }
    }

    @Test
    void aServerCpuOfDoubleMaxIsFeasibleForEverySolver() {
        OffloadingInstance base = OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER, 3);
        ifValid(() -> base.withServerCpu(Double.MAX_VALUE)).ifPresent(instance -> {
            double optimum = Instances.bruteForceOptimum(instance);
            for (AssignmentSolver solver : SOLVERS) {
                Result<OffloadingSolution> r = solver.solve(instance);
                if (solver instanceof GoaSolver) {
                    assertEquals(Status.INFEASIBLE_POINT, r.status(), "goa ignores capacity, and only that");
                    assertTrue(r.violations().stream().allMatch(v -> v.contains("maxTasks")), r.violations().toString());
                    continue;
                }
                assertTrue(r.hasFeasibleSolution(), solver.name() + ": " + r.status() + " " + r.violations());
                assertTrue(r.objective() >= optimum * (1 - 1e-12));
            }
            assertEquals(optimum, new ExactSolver().solve(instance).objective(), 1e-12 * optimum);
        });
    }

    @Test
    void aDeviceWhoseRatesAllUnderflowIsANumericalErrorNotACrash() {
        OffloadingInstance base = OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER, 3);
        double[][] gain = base.channelGain();
        java.util.Arrays.fill(gain[0], Double.MIN_VALUE); // 4.9e-324: P h / σ² is 0, so is the rate
        ifValid(() -> new OffloadingInstance(base.bandwidthHz(), base.noiseW(), base.devices(), base.servers(), gain))
                .ifPresent(instance -> {
                    for (AssignmentSolver solver : SOLVERS) {
                        Result<OffloadingSolution> r = assertDoesNotThrow(() -> solver.solve(instance), solver.name());
                        assertEquals(Status.NUMERICAL_ERROR, r.status(), solver.name());
                        assertNull(r.bound());
                        assertNotEquals("", r.message());
                    }
                });
    }
}

package org.mecopt.qoe;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Result;
import org.mecopt.api.Status;

/**
 * The fuzzing campaign's QoE failures (issue 17) as regressions: a gap that acted as absolute on
 * small totals (maxQoe 1e-12: OPTIMAL at gap 0.79, half of greedy), and bounds that equal-share
 * or greedy beat at steepness ~1e18 or with workloads that underflow. Multiplying every maxQoe
 * by s multiplies every objective by s, so what sigmoidal certifies at scale 1 it must certify
 * at every scale. The baselines are the independent references: no bound may be below them.
 */
class ExtremeScaleTest {

    private static final List<QoeSolver> SOLVERS = List.of(new SigmoidalSolver(), new GreedyQoeSolver(),
            new EqualShareSolver(), new ProportionalSolver());
    private static final double GAP = SigmoidalSolver.DEFAULT_GAP;

    static Optional<QoeInstance> ifValid(Supplier<QoeInstance> instance) {
        try {
            return Optional.of(instance.get());
        } catch (InvalidInstanceException e) {
            return Optional.empty();
        }
    }

    static QoeInstance changed(QoeInstance base, Function<QoeUser, QoeUser> change) {
        return new QoeInstance(base.capacityHz(), base.users().stream().map(change).toList());
    }

    /** No bound below a feasible QoE; OPTIMAL within the requested gap of its bound and of every feasible QoE. */
    static void certificatesHold(QoeInstance instance, String where) {
        List<Result<QoeSolution>> results = SOLVERS.stream()
                .map(s -> assertDoesNotThrow(() -> s.solve(instance), s.name() + " " + where)).toList();
        for (Result<QoeSolution> r : results) {
            assertNotEquals(Status.INFEASIBLE, r.status(), r.solver() + " " + where);
            if (r.status() == Status.OPTIMAL) {
                assertTrue(r.gap() != null && r.gap() <= GAP, r.solver() + " OPTIMAL at gap " + r.gap() + " " + where);
            }
            for (Result<QoeSolution> other : results) {
                if (!other.hasFeasibleSolution()) {
                    continue;
                }
                double rounding = 1e-12 * Math.abs(other.objective());
                if (r.bound() != null) {
                    assertTrue(r.bound() >= other.objective() - rounding, r.solver() + "'s bound " + r.bound()
                            + " below " + other.solver() + "'s " + other.objective() + " " + where);
                }
                if (r.status() == Status.OPTIMAL) {
                    assertTrue(r.objective() >= other.objective() * (1 - GAP) - rounding, r.solver() + " OPTIMAL at "
                            + r.objective() + " below " + other.solver() + "'s " + other.objective() + " " + where);
                }
            }
        }
    }

    @Property(tries = 60)
    void scalingEveryMaxQoeScalesTheCertifiedOptimum(@ForAll @IntRange(min = 0, max = 10_000) int seed,
            @ForAll @IntRange(min = 2, max = 12) int users, @ForAll @IntRange(min = -300, max = 290) int exponent) {
        QoeInstance base = QoeGenerator.generate(QoeGenerator.Config.DEFAULT.withUsers(users), seed);
        double s = Math.pow(10, exponent);
        Optional<QoeInstance> scaled = ifValid(() -> changed(base, u -> new QoeUser(u.fixedLatencyS(), u.workloadCycles(),
                u.maxQoe() * s, u.steepnessPerS(), u.midpointS())));
        if (scaled.isEmpty()) {
            return; // refused by the instance ranges: nothing to solve (an Assume here would exhaust jqwik)
        }
        Result<QoeSolution> one = new SigmoidalSolver().solve(base);
        Result<QoeSolution> r = new SigmoidalSolver().solve(scaled.get());
        assertEquals(Status.OPTIMAL, r.status(), r.message());
        assertEquals(one.objective(), r.objective() / s, 2 * GAP * one.objective(), "at 1e" + exponent);
        certificatesHold(scaled.get(), "at maxQoe x 1e" + exponent);
    }

    @Property(tries = 100)
    void noBoundIsBeatenAtExtremeSteepnessOrWorkload(@ForAll @IntRange(min = 0, max = 10_000) int seed,
            @ForAll @IntRange(min = 2, max = 10) int users, @ForAll @IntRange(min = 12, max = 22) int steepness,
            @ForAll @IntRange(min = -323, max = 3) int workload, @ForAll boolean steep) {
        QoeInstance base = QoeGenerator.generate(QoeGenerator.Config.DEFAULT.withUsers(users), seed);
        Optional<QoeInstance> extreme = ifValid(() -> changed(base, u -> steep
                ? new QoeUser(u.fixedLatencyS(), u.workloadCycles(), u.maxQoe(), Math.pow(10, steepness), u.midpointS())
                : new QoeUser(u.fixedLatencyS(), u.workloadCycles() * Math.pow(10, workload - 9), u.maxQoe(),
                        u.steepnessPerS(), u.midpointS())));
        if (extreme.isEmpty()) {
            return; // refused by the instance ranges: nothing to solve (an Assume here would exhaust jqwik)
        }
        certificatesHold(extreme.get(), steep ? "at steepness 1e" + steepness : "at workloads x 1e" + (workload - 9));
    }

    @Test
    void aTinyTotalQoeIsCertifiedRelatively() {
        QoeInstance base = QoeGenerator.generate(QoeGenerator.Config.DEFAULT.withUsers(8), 4);
        ifValid(() -> changed(base, u -> new QoeUser(u.fixedLatencyS(), u.workloadCycles(), 1e-12, u.steepnessPerS(),
                u.midpointS()))).ifPresent(i -> certificatesHold(i, "at maxQoe 1e-12"));
        ifValid(() -> changed(base, u -> new QoeUser(u.fixedLatencyS(), Double.MIN_VALUE, u.maxQoe(), u.steepnessPerS(),
                u.midpointS()))).ifPresent(i -> {
                    certificatesHold(i, "at subnormal workloads");
                    Result<QoeSolution> r = new SigmoidalSolver().solve(i);
                    assertTrue(r.objective() >= new EqualShareSolver().solve(i).objective(), r.message());
                });
    }
}

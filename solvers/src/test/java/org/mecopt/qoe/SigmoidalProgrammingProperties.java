package org.mecopt.qoe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;
import org.mecopt.numeric.sigmoidal.BruteForce;
import org.mecopt.numeric.sigmoidal.Logistic;
import org.mecopt.numeric.sigmoidal.Sigmoid;
import org.mecopt.numeric.sigmoidal.SigmoidalProgram;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;
import org.mecopt.numeric.sigmoidal.SigmoidalProgrammingTest;

/** Branch-and-bound invariants on random sigmoids, against brute force and every other method. */
class SigmoidalProgrammingProperties {

    private static List<Sigmoid> randomLogistics(Random rnd, int n) {
        List<Sigmoid> f = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            f.add(new Logistic(0.5 + 1.5 * rnd.nextDouble(), 0.3 + 4 * rnd.nextDouble(), 10 * rnd.nextDouble()));
        }
        return f;
    }

    /**
     * The solver's point is feasible with a certificate, never worse than the brute-force reference,
     * and its bound is above the reference. Not "equal to the reference": on three users a 200-point
     * grid can settle, after its polish, in another local maximum below the global one, which the
     * solver then beats (seed -314506242933357940 of {@link #reproducesTheCaseWhereBruteForceWasWorse}).
     */
    @Property(tries = 60)
    void neverWorseThanBruteForceOnRandomSmallPrograms(@ForAll long seed, @ForAll @IntRange(min = 2, max = 3) int n) {
        checkAgainstBruteForce(seed, n);
    }

    @Property(tries = 60, seed = "-314506242933357940")
    void reproducesTheCaseWhereBruteForceWasWorse(@ForAll long seed, @ForAll @IntRange(min = 2, max = 3) int n) {
        checkAgainstBruteForce(seed, n);
    }

    private static void checkAgainstBruteForce(long seed, int n) {
        Random rnd = new Random(seed);
        List<Sigmoid> f = randomLogistics(rnd, n);
        double[] l = new double[n];
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = rnd.nextDouble() < 0.3 ? 2 * rnd.nextDouble() : 0;
            u[i] = l[i] + 2 + 10 * rnd.nextDouble();
        }
        double sumL = 0;
        for (double v : l) {
            sumL += v;
        }
        SigmoidalProgram p = new SigmoidalProgram(f, l, u, sumL + 25 * rnd.nextDouble());
        SigmoidalProgramming.Certificate c =
                new SigmoidalProgramming(SigmoidalProgramming.Settings.DEFAULTS.withRelativeGap(1e-9)).solve(p);
        BruteForce.Best reference = BruteForce.maximize(p, n == 2 ? 3000 : 200);
        assertEquals(Status.OPTIMAL, c.status());
        SigmoidalProgrammingTest.assertCertificate(p, c);
        assertTrue(c.upperBound() >= reference.value() - 1e-12, "bound below a feasible value");
        assertTrue(c.value() >= reference.value() - 1e-6, "the solver's " + c.value() + " is below brute force's "
                + reference.value());
    }

    /** The bound is never below a feasible value found by any method, and the gap is as requested. */
    @Property(tries = 60)
    void upperBoundDominatesEveryMethod(@ForAll @IntRange(min = 0, max = 1_000_000) int seed,
                                        @ForAll @IntRange(min = 1, max = 40) int users) {
        Random rnd = new Random(seed);
        QoeInstance instance = QoeGenerator.generate(QoeGenerator.Config.DEFAULT.withUsers(users)
                .withCapacityHz(users * (1e9 + 30e9 * rnd.nextDouble())), seed);
        Result<QoeSolution> sig = new SigmoidalSolver().solve(instance);
        assertEquals(Status.OPTIMAL, sig.status(), sig.message());
        // the documented stopping rule: relative gap 1e-4, or an absolute gap of 1e-9 (optima ≈ 0)
        assertTrue(sig.gap() <= 1e-4 || sig.bound() - sig.objective() <= 1e-9, "gap " + sig.gap());
        double bound = sig.bound();
        for (QoeSolver s : new QoeSolver[] {new EqualShareSolver(), new ProportionalSolver(), new GreedyQoeSolver()}) {
            Result<QoeSolution> r = s.solve(instance, SolverOptions.defaults());
            assertTrue(r.violations().isEmpty(), s.name() + " " + r.violations());
            assertTrue(r.objective() <= bound + 1e-9, s.name() + " " + r.objective() + " > bound " + bound);
        }
        // random feasible points, including some on the capacity and some that leave users out
        for (int k = 0; k < 50; k++) {
            double[] p = new double[users];
            double total = 0;
            for (int u = 0; u < users; u++) {
                p[u] = rnd.nextDouble() < 0.3 ? 0 : rnd.nextDouble();
                total += p[u];
            }
            double scale = total > 0 ? instance.capacityHz() * rnd.nextDouble() / total : 0;
            for (int u = 0; u < users; u++) {
                p[u] *= scale;
            }
            assertTrue(instance.objective(instance.solution(p)) <= bound + 1e-9);
        }
    }

    @Property(tries = 40)
    void symmetryBreakingChangesNothingButSpeed(@ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int n) {
        Random rnd = new Random(seed);
        List<Sigmoid> distinct = randomLogistics(rnd, 2);
        List<Sigmoid> f = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            f.add(distinct.get(rnd.nextInt(2)));
        }
        SigmoidalProgram p = SigmoidalProgram.ofCapacity(f, 3 + 20 * rnd.nextDouble());
        SigmoidalProgramming.Settings tight = SigmoidalProgramming.Settings.DEFAULTS.withRelativeGap(1e-8);
        SigmoidalProgramming.Certificate on = new SigmoidalProgramming(tight).solve(p);
        SigmoidalProgramming.Certificate off = new SigmoidalProgramming(tight.withSymmetryBreaking(false)
                .withMaxNodes(200_000)).solve(p);
        assertEquals(Status.OPTIMAL, on.status());
        if (off.status() == Status.OPTIMAL) {
            assertEquals(off.value(), on.value(), 2e-8 * Math.max(1, Math.abs(off.value())));
        }
        assertTrue(off.upperBound() >= on.value() - 1e-9);
        assertTrue(on.upperBound() >= off.value() - 1e-9);
    }

    /** Extreme but valid parameters: no exception, a feasible answer, a bound above every baseline. */
    @Property(tries = 150)
    void extremeQoeInstancesStayWellBehaved(@ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int users) {
        Random rnd = new Random(seed);
        List<QoeUser> list = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            list.add(new QoeUser(rnd.nextDouble() < 0.2 ? 0 : Math.pow(10, -4 + 4 * rnd.nextDouble()),
                    Math.pow(10, 3 + 9 * rnd.nextDouble()), 0.1 + 2 * rnd.nextDouble(),
                    Math.pow(10, -1 + 4 * rnd.nextDouble()), -1 + 3 * rnd.nextDouble()));
        }
        QoeInstance instance = new QoeInstance(Math.pow(10, 6 + 6 * rnd.nextDouble()), list);
        Result<QoeSolution> sig = new SigmoidalSolver().solve(instance, SolverOptions.defaults().withTimeLimitMillis(5_000));
        assertTrue(sig.violations().isEmpty(), sig.violations().toString());
        assertTrue(sig.status() == Status.OPTIMAL || sig.status() == Status.LIMIT_REACHED, sig.status() + " " + sig.message());
        if (sig.status() == Status.OPTIMAL) {
            assertTrue(sig.gap() <= 1e-4 || sig.bound() - sig.objective() <= 1e-9, sig.message());
        }
        for (QoeSolver s : new QoeSolver[] {new EqualShareSolver(), new ProportionalSolver(), new GreedyQoeSolver()}) {
            Result<QoeSolution> r = s.solve(instance, SolverOptions.defaults());
            assertTrue(r.violations().isEmpty(), s.name() + " " + r.violations());
            assertTrue(r.objective() <= sig.bound() + 1e-9 * Math.max(1, sig.bound()), s.name() + " above the bound");
        }
    }

    /**
     * Near-identical users (issue 12): certified within the default gap, and the bound is never
     * beaten by any baseline, by the plain envelope search's point, or by random feasible points;
     * where the envelope search closes too, both agree within the gap.
     */
    @Property(tries = 25)
    void nearIdenticalUsersAreCertifiedAndNeverBeaten(@ForAll @IntRange(min = 0, max = 1_000_000) int seed,
                                                      @ForAll @IntRange(min = 2, max = 60) int users,
                                                      @ForAll @IntRange(min = 1, max = 3) int classes,
                                                      @ForAll @IntRange(min = 0, max = 100) int level) {
        Random rnd = new Random(seed);
        double perturbation = 1e-4 * Math.pow(500, level / 100.0);
        QoeInstance instance = QoeClassesGenerator.generate(QoeClassesGenerator.Config.of(users, classes, perturbation,
                0.2 + 0.8 * rnd.nextDouble()), seed);
        Result<QoeSolution> sig = new SigmoidalSolver().solve(instance, SolverOptions.defaults().withTimeLimitMillis(10_000));
        assertEquals(Status.OPTIMAL, sig.status(), sig.message());
        assertTrue(sig.gap() <= 1e-4 || sig.bound() - sig.objective() <= 1e-9, "gap " + sig.gap());
        double bound = sig.bound();
        Result<QoeSolution> envelope = new SigmoidalSolver().solve(instance, SolverOptions.defaults()
                .withParameter("search", "envelope").withMaxIterations(3000));
        assertTrue(envelope.objective() <= bound + 1e-9, "envelope point " + envelope.objective() + " > bound " + bound);
        assertTrue(sig.objective() <= envelope.bound() + 1e-9, "point " + sig.objective() + " > envelope bound");
        if (envelope.status() == Status.OPTIMAL) {
            assertEquals(envelope.objective(), sig.objective(), 2e-4 * bound);
        }
        for (QoeSolver s : new QoeSolver[] {new EqualShareSolver(), new ProportionalSolver(), new GreedyQoeSolver()}) {
            Result<QoeSolution> r = s.solve(instance, SolverOptions.defaults());
            assertTrue(r.objective() <= bound + 1e-9, s.name() + " " + r.objective() + " > bound " + bound);
        }
        for (int k = 0; k < 50; k++) {
            double[] p = new double[users];
            double total = 0;
            for (int u = 0; u < users; u++) {
                p[u] = rnd.nextDouble() < 0.5 ? 0 : rnd.nextDouble();
                total += p[u];
            }
            double scale = total > 0 ? instance.capacityHz() / total : 0;
            for (int u = 0; u < users; u++) {
                p[u] *= scale;
            }
            assertTrue(instance.objective(instance.solution(p)) <= bound + 1e-9);
        }
    }
}

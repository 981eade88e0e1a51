package org.mecopt.numeric.sigmoidal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.mecopt.api.Status;

/** General linear constraints: against the capacity solver (a different method) and a 2-D grid. */
class LinearSigmoidalProgrammingTest {

    private static List<Sigmoid> randomLogistics(Random rng, int n) {
        List<Sigmoid> f = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            f.add(new Logistic(0.5 + rng.nextDouble(), 2 + 8 * rng.nextDouble(), 0.2 + 0.8 * rng.nextDouble()));
        }
        return f;
    }

    /**
     * Seeded, so that CI does not depend on the draw. Unseeded runs found two things: a bound 2.5e-9
     * below the optimum (the interior-point tolerance, allowed below) and an instance (seed -211331,
     * n 4) where an uncertified relaxation (bound +∞) counted as closed and the search stopped 3 %
     * short as OPTIMAL: fixed, see {@link #anUncertifiedRelaxationIsBranchedNotClosed}.
     */
    @Property(tries = 25, seed = "1004")
    void oneCapacityRowAgreesWithTheCapacitySolver(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int n) {
        Random rng = new Random(seed);
        List<Sigmoid> f = randomLogistics(rng, n);
        double capacity = 0.3 + rng.nextDouble() * n * 0.6;
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(upper, 1.5);
        SigmoidalProgramming.Certificate reference = new SigmoidalProgramming().solve(
                new SigmoidalProgram(f, lower, upper, capacity));
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        SigmoidalProgramming.Certificate c = new LinearSigmoidalProgramming().solve(
                new LinearSigmoidalProgram(f, lower, upper, new double[][] {ones}, new double[] {capacity}));
        assertEquals(Status.OPTIMAL, c.status(), c.message());
        // the relaxations' bounds come from the interior-point method's surrogate duality gap, exact
        // only when its dual residual is 0: they hold to its tolerances, ~1e-9 relative (seed 8656, n 2
        // drew a bound 2.5e-9 below the capacity solver's value), so the check allows 1e-8
        assertTrue(c.upperBound() >= reference.value() * (1 - 1e-8), "bound below a feasible value");
        assertTrue(reference.upperBound() >= c.value() * (1 - 1e-9), "value above the reference bound");
        assertEquals(reference.value(), c.value(), 2e-4 * Math.max(1, Math.abs(reference.value())));
        double used = Arrays.stream(c.x()).sum();
        assertTrue(used <= capacity + 1e-9);
    }

    @Test
    void anUncertifiedRelaxationIsBranchedNotClosed() {
        Random rng = new Random(-211331);
        List<Sigmoid> f = randomLogistics(rng, 4);
        double capacity = 0.3 + rng.nextDouble() * 4 * 0.6;
        double[] upper = {1.5, 1.5, 1.5, 1.5};
        SigmoidalProgramming.Certificate c = new LinearSigmoidalProgramming().solve(new LinearSigmoidalProgram(f,
                new double[4], upper, new double[][] {{1, 1, 1, 1}}, new double[] {capacity}));
        double reference = new SigmoidalProgramming().solve(new SigmoidalProgram(f, new double[4], upper, capacity)).value();
        assertTrue(Arrays.stream(c.x()).sum() <= capacity + 1e-9);
        assertTrue(c.upperBound() >= reference * (1 - 1e-8), "bound below a feasible value");
        assertEquals(Status.OPTIMAL, c.status(), c.message());
        assertEquals(reference, c.value(), 2e-4 * Math.max(1, Math.abs(reference)));
        assertTrue(c.upperBound() < Double.POSITIVE_INFINITY);
    }

    @Test
    void twoConstraintsInTwoDimensionsMatchAFineGrid() {
        List<Sigmoid> f = List.of(new Logistic(1, 8, 0.6), new Logistic(1.3, 6, 0.9));
        double[][] a = {{1, 2}, {2, 1}};
        double[] b = {2.0, 2.2};
        LinearSigmoidalProgram p = new LinearSigmoidalProgram(f, new double[] {0, 0}, new double[] {1.5, 1.5}, a, b);
        SigmoidalProgramming.Certificate c = new LinearSigmoidalProgramming().solve(p);
        assertEquals(Status.OPTIMAL, c.status());
        double best = Double.NEGATIVE_INFINITY;
        int grid = 3000;
        for (int i = 0; i <= grid; i++) {
            double x0 = 1.5 * i / grid;
            // the objective increases in x1: take the largest feasible x1
            double x1 = Math.min(1.5, Math.min((b[0] - x0) / 2, b[1] - 2 * x0));
            if (x1 >= 0) {
                best = Math.max(best, p.value(new double[] {x0, x1}));
            }
        }
        assertTrue(p.maxViolation(c.x()) <= 1e-9);
        assertEquals(best, c.value(), 2e-4 * best);
        assertTrue(c.upperBound() >= best - 1e-9);
    }

    @Test
    void infeasibleConstraintsAreReported() {
        List<Sigmoid> f = List.of(Logistic.standard(), Logistic.standard());
        LinearSigmoidalProgram p = new LinearSigmoidalProgram(f, new double[] {0, 0}, new double[] {1, 1},
                new double[][] {{-1, -1}}, new double[] {-3}); // x0 + x1 ≥ 3 inside [0,1]²
        assertEquals(Status.INFEASIBLE, new LinearSigmoidalProgramming().solve(p).status());
    }
}

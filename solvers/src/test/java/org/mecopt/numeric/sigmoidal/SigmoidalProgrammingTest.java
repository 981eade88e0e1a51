package org.mecopt.numeric.sigmoidal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mecopt.api.Deadline;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Status;
import org.mecopt.qoe.QoeSigmoid;

public class SigmoidalProgrammingTest {

    private static final SigmoidalProgramming TIGHT =
            new SigmoidalProgramming(SigmoidalProgramming.Settings.DEFAULTS.withRelativeGap(1e-9));

    public static void assertCertificate(SigmoidalProgram p, SigmoidalProgramming.Certificate c) {
        double[] x = c.x();
        double sum = 0;
        double[] l = p.lower();
        double[] u = p.upper();
        for (int i = 0; i < x.length; i++) {
            assertTrue(x[i] >= l[i] && x[i] <= u[i], "x[" + i + "] = " + x[i] + " outside its box");
            sum += x[i];
        }
        assertTrue(sum <= p.capacity() * (1 + 1e-12) + 1e-12, "capacity exceeded: " + sum);
        assertEquals(p.value(x), c.value(), 1e-12 * Math.max(1, Math.abs(c.value())));
        assertTrue(c.upperBound() >= c.value());
    }

    /** 2–3 users, scarce and ample capacity: the same optimum as the grid-and-polish reference. */
    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(doubles = {0.5, 2, 4, 7, 12, 30})
    void matchesBruteForceOnTwoAndThreeUsers(double capacity) {
        List<List<Sigmoid>> cases = List.of(
                List.of(new Logistic(1, 2, 3), new Logistic(1.5, 1, 5)),
                List.of(new Logistic(1, 2, 3), new Logistic(1, 2, 3), new Logistic(1, 2, 3)),
                List.of(new Logistic(1, 3, 2), new Logistic(2, 0.8, 6), new Logistic(0.7, 5, 1)),
                List.of(new QoeSigmoid(1, 15, 0.02, 0.05, 0.35), new QoeSigmoid(1, 11, 0.05, 0.1, 0.34),
                        new QoeSigmoid(1, 19, 0.01, 0.02, 0.36)));
        for (List<Sigmoid> f : cases) {
            double cap = f.get(0) instanceof QoeSigmoid ? capacity / 10 : capacity;
            SigmoidalProgram p = SigmoidalProgram.ofCapacity(f, cap);
            SigmoidalProgramming.Certificate c = TIGHT.solve(p);
            BruteForce.Best reference = BruteForce.maximize(p, f.size() == 2 ? 4000 : 300);
            assertEquals(Status.OPTIMAL, c.status());
            assertCertificate(p, c);
            assertTrue(c.upperBound() >= reference.value() - 1e-12, "bound " + c.upperBound() + " < " + reference.value());
            assertEquals(reference.value(), c.value(), 1e-7, "cap " + cap + " " + f);
        }
    }

    @Test
    void boundsAndLowerBoundsAreRespected() {
        List<Sigmoid> f = List.of(new Logistic(1, 2, 3), new Logistic(1, 2, 3), new Logistic(1, 1, 4));
        SigmoidalProgram p = new SigmoidalProgram(f, new double[] {1, 0, 0.5}, new double[] {2, 8, 8}, 7);
        SigmoidalProgramming.Certificate c = TIGHT.solve(p);
        assertCertificate(p, c);
        assertEquals(BruteForce.maximize(p, 400).value(), c.value(), 1e-7);
    }

    /** The deadline is looked at before every node expansion (each solves at most four relaxations). */
    @Test
    void theDeadlineStopsTheSearchAtTheExpansionWhereItPassed() {
        SigmoidalProgram p = SigmoidalProgram.ofCapacity(Collections.nCopies(20, new Logistic(1, 1, 5)), 66);
        SigmoidalProgramming plain = new SigmoidalProgramming(SigmoidalProgramming.Settings.DEFAULTS
                .withSymmetryBreaking(false));
        SigmoidalProgramming.Certificate c = plain.solve(p, Deadline.afterChecks(3));
        assertEquals(Status.LIMIT_REACHED, c.status(), "plain branch and bound does not close this (see below)");
        assertTrue(c.nodes() <= 1 + 2 * 4, "two expansions at most: " + c.nodes() + " nodes");
        assertCertificate(p, c);
    }

    /** Identical users: symmetry breaking closes n = 20 at once; plain branch and bound does not. */
    @Test
    void twentyIdenticalUsersCloseFast() {
        List<Sigmoid> f = Collections.nCopies(20, new Logistic(1, 1, 5));
        SigmoidalProgram p = SigmoidalProgram.ofCapacity(f, 66);
        long start = System.nanoTime();
        SigmoidalProgramming.Certificate c = new SigmoidalProgramming().solve(p);
        double millis = (System.nanoTime() - start) / 1e6;
        assertEquals(Status.OPTIMAL, c.status());
        assertTrue(c.nodes() <= 50, c.nodes() + " nodes");
        assertTrue(millis < 1000, millis + " ms");
        assertCertificate(p, c);
        // the optimum serves k users equally and gives the rest nothing: check k by enumeration
        double best = 0;
        for (int k = 1; k <= 20; k++) {
            best = Math.max(best, k * new Logistic(1, 1, 5).value(66.0 / k));
        }
        assertTrue(c.value() >= best - 1e-9, c.value() + " < " + best);
        SigmoidalProgramming.Certificate plain = new SigmoidalProgramming(SigmoidalProgramming.Settings.DEFAULTS
                .withSymmetryBreaking(false).withActivationAfterNodes(-1).withMaxNodes(2000)).solve(p);
        assertEquals(Status.LIMIT_REACHED, plain.status(), "plain B&B closed " + plain.nodes());
        assertTrue(plain.upperBound() >= c.value() - 1e-9);
        // without the ordering, the activation search (counts per class) closes it instead
        SigmoidalProgramming.Certificate counted = new SigmoidalProgramming(SigmoidalProgramming.Settings.DEFAULTS
                .withSymmetryBreaking(false).withMaxNodes(2000)).solve(p);
        assertEquals(Status.OPTIMAL, counted.status(), counted.message());
        assertEquals(c.value(), counted.value(), 1e-4 * c.value());
    }

    @Test
    void nearlyIdenticalUsersAreReportedHonestly() {
        List<Sigmoid> f = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            f.add(new Logistic(1, 1, 5 + 1e-3 * i));
        }
        SigmoidalProgramming.Certificate c = new SigmoidalProgramming(SigmoidalProgramming.Settings.DEFAULTS
                .withTimeLimitMillis(10_000)).solve(SigmoidalProgram.ofCapacity(f, 66));
        assertEquals(Status.OPTIMAL, c.status(), c.message());
        assertTrue(c.upperBound() >= c.value());
        assertTrue(c.relativeGap() <= 1e-4);
        // the plain envelope search stays honest where it does not close
        SigmoidalProgramming.Certificate plain = new SigmoidalProgramming(SigmoidalProgramming.Settings.DEFAULTS
                .withActivationAfterNodes(-1).withMaxNodes(3000)).solve(SigmoidalProgram.ofCapacity(f, 66));
        assertTrue(plain.upperBound() >= c.value() - 1e-9);
        assertTrue(c.upperBound() >= plain.value() - 1e-9);
    }

    @Test
    void infeasibleBoxesAreReported() {
        SigmoidalProgram p = new SigmoidalProgram(List.of(new Logistic(1, 1, 0), new Logistic(1, 1, 0)),
                new double[] {3, 3}, new double[] {5, 5}, 5);
        SigmoidalProgramming.Certificate c = new SigmoidalProgramming().solve(p);
        assertEquals(Status.INFEASIBLE, c.status());
        assertNull(c.x());
        assertTrue(c.message().contains("> capacity 5.0"), c.message());
    }

    @Test
    void gapIsWellDefinedWhenTheLowerBoundIsNotPositive() {
        // f(x) = logistic − 1 < 0 everywhere: the optimum is negative
        Sigmoid negative = new Sigmoid() {
            final Logistic g = new Logistic(1, 2, 3);

            @Override
            public double value(double x) {
                return g.value(x) - 1;
            }

            @Override
            public double derivative(double x) {
                return g.derivative(x);
            }
        };
        SigmoidalProgram p = SigmoidalProgram.ofCapacity(List.of(negative, negative, new Logistic(1, 1, 2)), 4);
        SigmoidalProgramming.Certificate c = TIGHT.solve(p);
        assertEquals(Status.OPTIMAL, c.status());
        assertTrue(c.value() < 0);
        assertTrue(c.relativeGap() >= 0 && c.relativeGap() <= 1e-9, "gap " + c.relativeGap());
        assertEquals(BruteForce.maximize(p, 300).value(), c.value(), 1e-7);
        assertEquals(0, new SigmoidalProgramming.Certificate(new double[0], 0, 0, 1, Status.OPTIMAL, "").relativeGap());
        assertEquals(2, new SigmoidalProgramming.Certificate(new double[0], -1, 1, 1, Status.OPTIMAL, "").relativeGap());
    }

    @Test
    void limitsReturnTheIncumbentWithAValidBound() {
        List<Sigmoid> f = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            f.add(new Logistic(1, 1, 5 + 1e-2 * i));
        }
        SigmoidalProgram p = SigmoidalProgram.ofCapacity(f, 80);
        SigmoidalProgramming.Certificate c = new SigmoidalProgramming(SigmoidalProgramming.Settings.DEFAULTS
                .withRelativeGap(0).withMaxNodes(5)).solve(p);
        assertEquals(Status.LIMIT_REACHED, c.status());
        assertTrue(c.message().contains("node limit"), c.message());
        assertCertificate(p, c);
    }

    @Test
    void nonFiniteFunctionsAreANumericalError() {
        Sigmoid broken = new Sigmoid() {
            @Override
            public double value(double x) {
                return Double.NaN;
            }

            @Override
            public double derivative(double x) {
                return Double.NaN;
            }
        };
        SigmoidalProgramming.Certificate c = new SigmoidalProgramming().solve(SigmoidalProgram.ofCapacity(List.of(broken), 1));
        assertEquals(Status.NUMERICAL_ERROR, c.status());
    }

    @Test
    void programAndSettingsRejectBadFieldsByName() {
        List<Sigmoid> one = List.of(new Logistic(1, 1, 0));
        assertEquals("upper[0]", assertThrows(InvalidInstanceException.class,
                () -> new SigmoidalProgram(one, new double[] {0}, new double[] {Double.NaN}, 1)).field());
        assertEquals("lower[0]", assertThrows(InvalidInstanceException.class,
                () -> new SigmoidalProgram(one, new double[] {2}, new double[] {1}, 1)).field());
        assertEquals("lower.length", assertThrows(InvalidInstanceException.class,
                () -> new SigmoidalProgram(one, new double[0], new double[] {1}, 1)).field());
        assertEquals("relativeGap", assertThrows(InvalidInstanceException.class,
                () -> SigmoidalProgramming.Settings.DEFAULTS.withRelativeGap(-1)).field());
        assertEquals("height", assertThrows(InvalidInstanceException.class, () -> new Logistic(0, 1, 0)).field());
    }

    @Test
    void groupsCollectEqualFunctionsWithEqualBoxes() {
        List<Sigmoid> f = List.of(new Logistic(1, 1, 0), new Logistic(1, 2, 0), new Logistic(1, 1, 0));
        assertEquals(List.of(List.of(0, 2), List.of(1)), SigmoidalProgramming.groups(SigmoidalProgram.ofCapacity(f, 3)));
    }
}

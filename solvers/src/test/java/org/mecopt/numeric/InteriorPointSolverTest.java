package org.mecopt.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.mecopt.api.Status;

/** The interior-point method against closed forms. */
class InteriorPointSolverTest {
    private final InteriorPointSolver solver = new InteriorPointSolver();

    private static void assertOptimal(InteriorPointResult r) {
        assertEquals(Status.OPTIMAL, r.status(), r.message());
        assertTrue(r.gap() <= 1e-8 && r.dualResidual() <= 1e-8 && r.primalResidual() <= 1e-8, r.toString());
    }

    private static DMatrixRMaj randomSpd(Random rnd, int n) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            m.data[i] = rnd.nextGaussian();
        }
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multInner(m, p);
        for (int i = 0; i < n; i++) {
            p.add(i, i, 0.5);
        }
        return p;
    }

    private static double[] gaussian(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }

    @Test
    void equalityConstrainedQpMatchesTheKktSolution() {
        Random rnd = new Random(1);
        int n = 6;
        int p = 2;
        DMatrixRMaj pm = randomSpd(rnd, n);
        double[] q = gaussian(rnd, n);
        DMatrixRMaj a = new DMatrixRMaj(p, n, true, gaussian(rnd, p * n));
        double[] b = gaussian(rnd, p);
        // [P Aᵀ; A 0] [x; ν] = [−q; b]
        DMatrixRMaj kkt = new DMatrixRMaj(n + p, n + p);
        DMatrixRMaj rhs = new DMatrixRMaj(n + p, 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                kkt.set(i, j, pm.get(i, j));
            }
            for (int j = 0; j < p; j++) {
                kkt.set(i, n + j, a.get(j, i));
                kkt.set(n + j, i, a.get(j, i));
            }
            rhs.set(i, -q[i]);
        }
        for (int j = 0; j < p; j++) {
            rhs.set(n + j, b[j]);
        }
        DMatrixRMaj exact = new DMatrixRMaj(n + p, 1);
        assertTrue(CommonOps_DDRM.solve(kkt, rhs, exact));

        ConvexProblem problem = ConvexProblem.builder(n).minimize(new QuadraticFunction(pm, q, 0))
                .linearEqualities(a, b).build();
        InteriorPointResult r = solver.solve(problem);
        assertOptimal(r);
        assertTrue(r.iterations() <= 2, "Newton on a QP with equalities takes one step: " + r.iterations());
        for (int i = 0; i < n; i++) {
            assertEquals(exact.get(i), r.x()[i], 1e-9);
        }
        for (int j = 0; j < p; j++) {
            assertEquals(exact.get(n + j), r.nu()[j], 1e-8);
        }
        Kkt.check(problem, r, 1e-8);
    }

    @Test
    void boxConstrainedSeparableQpClampsTheUnconstrainedMinimum() {
        Random rnd = new Random(2);
        int n = 20;
        double[] c = new double[n];
        double[] w = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        DMatrixRMaj pm = new DMatrixRMaj(n, n);
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = 3 * rnd.nextGaussian();
            w[i] = 0.1 + rnd.nextDouble();
            lo[i] = -1 - rnd.nextDouble();
            hi[i] = 1 + rnd.nextDouble();
            pm.set(i, i, 2 * w[i]);
            q[i] = -2 * w[i] * c[i];
        }
        ConvexProblem problem = ConvexProblem.builder(n).minimize(new QuadraticFunction(pm, q, 0))
                .bounds(lo, hi).build();
        for (double[] start : new double[][] {null, new double[n]}) {
            InteriorPointResult r = solver.solve(problem, start);
            assertOptimal(r);
            for (int i = 0; i < n; i++) {
                assertEquals(Math.min(hi[i], Math.max(lo[i], c[i])), r.x()[i], 1e-7);
            }
            Kkt.check(problem, r, 1e-7);
        }
        // An infeasible start (outside the box) goes through Phase I.
        double[] far = new double[n];
        java.util.Arrays.fill(far, 10);
        InteriorPointResult r = solver.solve(problem, far);
        assertOptimal(r);
        assertTrue(r.phaseOneIterations() > 0);
    }

    /** −Σ log(1 + g_i p_i), defined for p_i > −1/g_i. */
    record NegativeRate(double[] gains) implements ConvexFunction {
        @Override
        public double value(double[] p) {
            double v = 0;
            for (int i = 0; i < gains.length; i++) {
                v -= Math.log1p(gains[i] * p[i]);
            }
            return v;
        }

        @Override
        public void gradient(double[] p, double[] gradient) {
            for (int i = 0; i < gains.length; i++) {
                gradient[i] = -gains[i] / (1 + gains[i] * p[i]);
            }
        }

        @Override
        public void addHessian(double[] p, double scale, DMatrixRMaj hessian) {
            for (int i = 0; i < gains.length; i++) {
                double d = gains[i] / (1 + gains[i] * p[i]);
                hessian.add(i, i, scale * d * d);
            }
        }
    }

    /** Water-filling: p_i = max(0, level − 1/g_i), level by bisection so that Σ p = budget. */
    static double[] waterFilling(double[] g, double budget) {
        double lo = 0;
        double hi = budget + 1 / java.util.Arrays.stream(g).min().orElseThrow();
        for (int it = 0; it < 200; it++) {
            double level = 0.5 * (lo + hi);
            double sum = 0;
            for (double gi : g) {
                sum += Math.max(0, level - 1 / gi);
            }
            if (sum > budget) {
                hi = level;
            } else {
                lo = level;
            }
        }
        double level = 0.5 * (lo + hi);
        double[] p = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            p[i] = Math.max(0, level - 1 / g[i]);
        }
        return p;
    }

    @Test
    void waterFillingMatchesTheBisectionClosedForm() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 5; trial++) {
            int n = 4 + trial * 3;
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = Math.exp(2 * rnd.nextGaussian());
            }
            double budget = 0.5 + 3 * rnd.nextDouble();
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1);
            double[] zero = new double[n];
            ConvexProblem problem = ConvexProblem.builder(n).minimize(new NegativeRate(g))
                    .linearInequality(ones, budget).bounds(zero, null).build();
            InteriorPointResult r = solver.solve(problem);
            assertOptimal(r);
            double[] exact = waterFilling(g, budget);
            assertArrayEquals(exact, r.x(), 1e-6);
            assertEquals(new NegativeRate(g).value(exact), r.objective(), 1e-8);
            assertTrue(r.lowerBound() <= new NegativeRate(g).value(exact) + 1e-12);
            Kkt.check(problem, r, 1e-7);
        }
    }

    /** −Σ log x_i − log(1 − Σ x_i): the analytic centre of the simplex is x_i = 1/(n+1). */
    @Test
    void analyticCentreOfTheSimplex() {
        int n = 7;
        ConvexFunction barrier = new ConvexFunction() {
            @Override
            public double value(double[] x) {
                double s = 0;
                double v = 0;
                for (double xi : x) {
                    v -= Math.log(xi);
                    s += xi;
                }
                return v - Math.log(1 - s);
            }

            @Override
            public void gradient(double[] x, double[] gradient) {
                double s = 0;
                for (double xi : x) {
                    s += xi;
                }
                for (int i = 0; i < n; i++) {
                    gradient[i] = -1 / x[i] + 1 / (1 - s);
                }
            }

            @Override
            public void addHessian(double[] x, double scale, DMatrixRMaj hessian) {
                double s = 0;
                for (double xi : x) {
                    s += xi;
                }
                double c = 1 / ((1 - s) * (1 - s));
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        hessian.add(i, j, scale * (c + (i == j ? 1 / (x[i] * x[i]) : 0)));
                    }
                }
            }
        };
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        ConvexProblem problem = ConvexProblem.builder(n).minimize(barrier)
                .bounds(new double[n], null).linearInequality(ones, 1).build();
        double[] start = new double[n];
        java.util.Arrays.fill(start, 0.01);
        InteriorPointResult r = solver.solve(problem, start);
        assertOptimal(r);
        for (double xi : r.x()) {
            assertEquals(1.0 / (n + 1), xi, 1e-7);
        }
    }

    /** Entropy: min Σ x_i log x_i − cᵀx s.t. Σ x = 1, x ≥ 0 gives x = softmax(c). */
    @Test
    void negativeEntropyWithASimplexGivesSoftmax() {
        double[] c = {0.3, -1.2, 2.0, 0.0, 0.7};
        int n = c.length;
        ConvexFunction entropy = new ConvexFunction() {
            @Override
            public double value(double[] x) {
                double v = 0;
                for (int i = 0; i < n; i++) {
                    v += x[i] * Math.log(x[i]) - c[i] * x[i];
                }
                return v;
            }

            @Override
            public void gradient(double[] x, double[] gradient) {
                for (int i = 0; i < n; i++) {
                    gradient[i] = Math.log(x[i]) + 1 - c[i];
                }
            }

            @Override
            public void addHessian(double[] x, double scale, DMatrixRMaj hessian) {
                for (int i = 0; i < n; i++) {
                    hessian.add(i, i, scale / x[i]);
                }
            }
        };
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        ConvexProblem problem = ConvexProblem.builder(n).minimize(entropy).bounds(new double[n], null)
                .linearEquality(ones, 1).build();
        double[] start = new double[n];
        java.util.Arrays.fill(start, 0.5); // strictly positive, not on the simplex
        InteriorPointResult r = solver.solve(problem, start);
        assertOptimal(r);
        double z = 0;
        for (double ci : c) {
            z += Math.exp(ci);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(Math.exp(c[i]) / z, r.x()[i], 1e-7);
        }
        Kkt.check(problem, r, 1e-7);
    }

    /** min log Σ exp(x_i) s.t. Σ x_i = s, x_1 ≤ u: symmetric optimum x_i = s/n when u is slack. */
    @Test
    void logSumExpWithAnEquality() {
        int n = 4;
        double s = 2.0;
        ConvexFunction lse = new ConvexFunction() {
            private final double[] e = new double[n];

            private double soft(double[] x) {
                double max = Double.NEGATIVE_INFINITY;
                for (double xi : x) {
                    max = Math.max(max, xi);
                }
                double z = 0;
                for (int i = 0; i < n; i++) {
                    e[i] = Math.exp(x[i] - max);
                    z += e[i];
                }
                for (int i = 0; i < n; i++) {
                    e[i] /= z;
                }
                return max + Math.log(z);
            }

            @Override
            public double value(double[] x) {
                return soft(x);
            }

            @Override
            public void gradient(double[] x, double[] gradient) {
                soft(x);
                System.arraycopy(e, 0, gradient, 0, n);
            }

            @Override
            public void addHessian(double[] x, double scale, DMatrixRMaj hessian) {
                soft(x);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        hessian.add(i, j, scale * ((i == j ? e[i] : 0) - e[i] * e[j]));
                    }
                }
            }
        };
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        // Slack bound: x_0 ≤ 5.
        ConvexProblem slack = ConvexProblem.builder(n).minimize(lse).linearEquality(ones, s)
                .linearInequality(new double[] {1, 0, 0, 0}, 5).build();
        InteriorPointResult r = solver.solve(slack);
        assertOptimal(r);
        for (double xi : r.x()) {
            assertEquals(s / n, xi, 1e-7);
        }
        assertEquals(Math.log(n) + s / n, r.objective(), 1e-9);
        // Active bound x_0 ≤ 0: the rest share s equally.
        ConvexProblem active = ConvexProblem.builder(n).minimize(lse).linearEquality(ones, s)
                .linearInequality(new double[] {1, 0, 0, 0}, 0).build();
        r = solver.solve(active);
        assertOptimal(r);
        assertEquals(0, r.x()[0], 1e-7);
        for (int i = 1; i < n; i++) {
            assertEquals(s / (n - 1), r.x()[i], 1e-7);
        }
        Kkt.check(active, r, 1e-7);
    }

    @Test
    void linearObjectiveOnTheUnitBallIsMinusCOverItsNorm() {
        Random rnd = new Random(4);
        for (int n : new int[] {1, 2, 5, 30}) {
            double[] c = gaussian(rnd, n);
            double norm = Math.sqrt(java.util.Arrays.stream(c).map(v -> v * v).sum());
            ConvexProblem problem = ConvexProblem.builder(n).minimize(QuadraticFunction.linear(c, 0))
                    .subjectTo(QuadraticFunction.sumOfSquares(n, 1.0)).build();
            // Outside the ball, in the direction of −c: Phase I, then Phase II from its point.
            double[] outside = new double[n];
            for (int i = 0; i < n; i++) {
                outside[i] = -1.5 * c[i] / norm;
            }
            for (double[] start : new double[][] {null, outside}) {
                InteriorPointResult r = solver.solve(problem, start);
                assertOptimal(r);
                for (int i = 0; i < n; i++) {
                    assertEquals(-c[i] / norm, r.x()[i], 1e-7);
                }
                assertEquals(-norm, r.objective(), 1e-8);
                assertEquals(norm / 2, r.lambda()[0], 1e-6, "λ = ‖c‖/2 for ‖x‖² − 1 ≤ 0");
                Kkt.check(problem, r, 1e-7);
            }
        }
    }

    /**
     * Regression: with B&amp;V's t = μm/η̂ at every iteration, half of these off-centre starts
     * (near the sphere, away from the optimum) stalled with λ → 0 and t → ∞.
     */
    @Test
    void offCentreStartsOnTheBallConverge() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 100; trial++) {
            int n = 2 + rnd.nextInt(5);
            double[] c = gaussian(rnd, n);
            double[] x0 = gaussian(rnd, n);
            double norm0 = Math.sqrt(java.util.Arrays.stream(x0).map(v -> v * v).sum());
            double radius = rnd.nextDouble() * 0.99;
            for (int i = 0; i < n; i++) {
                x0[i] *= radius / norm0;
            }
            ConvexProblem problem = ConvexProblem.builder(n).minimize(QuadraticFunction.linear(c, 0))
                    .subjectTo(QuadraticFunction.sumOfSquares(n, 1.0)).build();
            InteriorPointResult r = solver.solve(problem, x0);
            assertOptimal(r);
            double norm = Math.sqrt(java.util.Arrays.stream(c).map(v -> v * v).sum());
            assertEquals(-norm, r.objective(), 1e-7);
        }
    }

    /**
     * A weak spot of the primal-dual Phase I: from far outside a small ball it crawls (the
     * barrier fallback now solves this one). Whatever it returns must not be a wrong verdict:
     * OPTIMAL only at the true optimum, otherwise LIMIT_REACHED with a point not claimed feasible.
     */
    @Test
    void farStartOutsideASmallBallGivesNoWrongVerdict() {
        double[] c = {-3.7, -9.6};
        double r2 = 0.2;
        DMatrixRMaj twoI = CommonOps_DDRM.identity(2);
        CommonOps_DDRM.scale(2, twoI);
        ConvexProblem problem = ConvexProblem.builder(2).minimize(QuadraticFunction.sumOfSquares(2, 0))
                .subjectTo(new QuadraticFunction(twoI, new double[] {-2 * c[0], -2 * c[1]},
                        c[0] * c[0] + c[1] * c[1] - r2))
                .build();
        InteriorPointResult r = solver.solve(problem);
        double norm = Math.hypot(c[0], c[1]);
        if (r.status() == Status.OPTIMAL) {
            for (int i = 0; i < 2; i++) {
                assertEquals(c[i] * (1 - Math.sqrt(r2) / norm), r.x()[i], 1e-6);
            }
        } else {
            assertEquals(Status.LIMIT_REACHED, r.status(), r.message());
            assertTrue(!r.isFeasible(1e-8), "a Phase I iterate is not reported feasible");
        }
        // Started inside the ball it is solved.
        InteriorPointResult inside = solver.solve(problem, c);
        assertOptimal(inside);
        assertEquals(Math.pow(norm - Math.sqrt(r2), 2), inside.objective(), 1e-7);
    }

    @Test
    void phaseOneDetectsInfeasibleProblems() {
        // x ≤ −1 and x ≥ 1.
        ConvexProblem lin = ConvexProblem.builder(1).minimize(QuadraticFunction.linear(new double[] {1}, 0))
                .linearInequality(new double[] {1}, -1).linearInequality(new double[] {-1}, -1).build();
        InteriorPointResult r = solver.solve(lin);
        assertEquals(Status.INFEASIBLE, r.status(), r.message());
        assertTrue(r.maxInequality() > 0);
        // ‖x‖² ≤ 1 and x_0 ≥ 2.
        ConvexProblem ball = ConvexProblem.builder(3).minimize(QuadraticFunction.linear(new double[3], 0))
                .subjectTo(QuadraticFunction.sumOfSquares(3, 1.0))
                .linearInequality(new double[] {-1, 0, 0}, -2).build();
        r = solver.solve(ball);
        assertEquals(Status.INFEASIBLE, r.status(), r.message());
        // x ≥ 0 and x_0 + x_1 = −1 (the equality makes it infeasible).
        ConvexProblem eq = ConvexProblem.builder(2).minimize(QuadraticFunction.linear(new double[] {1, 0}, 0))
                .bounds(new double[2], null).linearEquality(new double[] {1, 1}, -1).build();
        r = solver.solve(eq);
        assertEquals(Status.INFEASIBLE, r.status(), r.message());
        // ‖x‖² ≤ 1 and x_0 + x_1 = 5: curved inequality plus equality.
        ConvexProblem ballEq = ConvexProblem.builder(2).minimize(QuadraticFunction.linear(new double[] {1, 0}, 0))
                .subjectTo(QuadraticFunction.sumOfSquares(2, 1.0)).linearEquality(new double[] {1, 1}, 5).build();
        r = solver.solve(ballEq);
        assertEquals(Status.INFEASIBLE, r.status(), r.message());
        // No interior: x ≤ 0 and x ≥ 0.
        ConvexProblem thin = ConvexProblem.builder(1).minimize(QuadraticFunction.linear(new double[] {1}, 0))
                .linearInequality(new double[] {1}, 0).linearInequality(new double[] {-1}, 0).build();
        r = solver.solve(thin);
        assertEquals(Status.INFEASIBLE, r.status(), r.message());
    }

    @Test
    void phaseOneFindsAFeasiblePointOfAnUnboundedSet() {
        // min ‖x − c‖² s.t. x ≥ 1 from x = 0: Phase I of {x ≥ 1} alone is unbounded below in s.
        int n = 5;
        double[] c = {3, -2, 0.5, 1.5, 4};
        DMatrixRMaj two = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.scale(2, two);
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = -2 * c[i];
        }
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        ConvexProblem problem = ConvexProblem.builder(n).minimize(new QuadraticFunction(two, q, 0))
                .bounds(ones, null).build();
        InteriorPointResult r = solver.solve(problem);
        assertOptimal(r);
        for (int i = 0; i < n; i++) {
            assertEquals(Math.max(1, c[i]), r.x()[i], 1e-7);
        }
    }

    @Test
    void nonFiniteValuesAreReportedNotReturnedAsOptimal() {
        ConvexFunction nan = new ConvexFunction() {
            @Override
            public double value(double[] x) {
                return Double.NaN;
            }

            @Override
            public void gradient(double[] x, double[] gradient) {
                java.util.Arrays.fill(gradient, Double.NaN);
            }

            @Override
            public void addHessian(double[] x, double scale, DMatrixRMaj hessian) {
            }
        };
        ConvexProblem problem = ConvexProblem.builder(2).minimize(nan).bounds(new double[] {-1, -1}, new double[] {1, 1})
                .build();
        InteriorPointResult r = solver.solve(problem);
        assertEquals(Status.NUMERICAL_ERROR, r.status(), r.message());
        // A constraint that is not finite at the start.
        ConvexProblem bad = ConvexProblem.builder(1).minimize(QuadraticFunction.linear(new double[] {1}, 0))
                .subjectTo(new NegativeRate(new double[] {1})).build();
        r = solver.solve(bad, new double[] {-2});
        assertEquals(Status.NUMERICAL_ERROR, r.status(), r.message());
    }

    @Test
    void iterationLimitIsReported() {
        int n = 10;
        ConvexProblem problem = ConvexProblem.builder(n).minimize(QuadraticFunction.linear(gaussian(new Random(5), n), 0))
                .subjectTo(QuadraticFunction.sumOfSquares(n, 1.0)).build();
        InteriorPointResult r = new InteriorPointSolver(InteriorPointOptions.defaults().withMaxIterations(2))
                .solve(problem);
        assertEquals(Status.LIMIT_REACHED, r.status());
        assertTrue(r.isFeasible(1e-12), "the iterate stays strictly feasible");
        assertEquals(2, r.iterations());
    }

    @Test
    void oneSolverServesProblemsOfDifferentSizes() {
        Random rnd = new Random(6);
        for (int n : new int[] {3, 40, 2, 17, 40}) {
            double[] c = gaussian(rnd, n);
            ConvexProblem problem = ConvexProblem.builder(n).minimize(QuadraticFunction.linear(c, 0))
                    .subjectTo(QuadraticFunction.sumOfSquares(n, 4.0)).build();
            InteriorPointResult r = solver.solve(problem);
            assertOptimal(r);
            double norm = Math.sqrt(java.util.Arrays.stream(c).map(v -> v * v).sum());
            assertEquals(-2 * norm, r.objective(), 1e-7);
        }
    }

    @Test
    void invalidInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ConvexProblem.builder(0));
        assertThrows(IllegalStateException.class, () -> ConvexProblem.builder(2).build());
        assertThrows(IllegalArgumentException.class,
                () -> ConvexProblem.builder(2).linearInequality(new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ConvexProblem.builder(2).linearInequality(new double[] {1, Double.NaN}, 0));
        assertThrows(IllegalArgumentException.class, () -> InteriorPointOptions.defaults().withMu(1));
        assertThrows(IllegalArgumentException.class,
                () -> ConvexProblem.builder(2).minimize(QuadraticFunction.sumOfSquares(3, 1)));
        ConvexProblem ok = ConvexProblem.builder(2).minimize(QuadraticFunction.linear(new double[2], 0)).build();
        assertThrows(IllegalArgumentException.class, () -> solver.solve(ok, new double[3]));
    }
}

package org.mecopt.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.mecopt.api.Deadline;
import org.mecopt.api.Status;

/**
 * {@link InteriorPointOptions#secondOrderCorrection()} against the plain step and against closed
 * forms, on convex programs whose curved constraints block the Newton step: a max–min of
 * logarithmic rates (ICA's subproblem in miniature, started 1e-7 from the bottleneck's
 * boundary, cold and warm), a linear objective over the unit ball from off-centre starts, and
 * random QPs with a ball. Both must reach the same optimum; how many steps each takes is not
 * asserted.
 */
class SecondOrderCorrectionTest {

    private final InteriorPointSolver plain = new InteriorPointSolver();
    private final InteriorPointSolver corrected =
            new InteriorPointSolver(InteriorPointOptions.defaults().withSecondOrderCorrection(true));

    @Test
    void offByDefault() {
        assertFalse(InteriorPointOptions.defaults().secondOrderCorrection());
        assertFalse(InteriorPointOptions.defaults().withMu(5).withGapTolerance(1e-3).secondOrderCorrection());
    }

    /** {@code w − ln(1 + a x_k) ≤ 0} in the variables {@code (x_0 … x_{K−1}, w)}: convex, +∞ off its domain. */
    private record LogRate(int k, double a, int w) implements ConvexFunction {
        @Override
        public double value(double[] x) {
            double arg = 1 + a * x[k];
            return arg > 0 ? x[w] - Math.log(arg) : Double.POSITIVE_INFINITY;
        }

        @Override
        public void gradient(double[] x, double[] gradient) {
            Arrays.fill(gradient, 0);
            gradient[k] = -a / (1 + a * x[k]);
            gradient[w] = 1;
        }

        @Override
        public void addHessian(double[] x, double scale, DMatrixRMaj hessian) {
            double d = 1 + a * x[k];
            hessian.add(k, k, scale * a * a / (d * d));
        }
    }

    /**
     * max w s.t. {@code w ≤ ln(1 + a_k x_k)}, {@code Σ x ≤ 1}, {@code x ≥ 0}: at the optimum all
     * rates are equal, {@code x_k = (e^w − 1)/a_k}, so {@code e^w = 1 + 1/Σ(1/a_k)}.
     */
    @Test
    void maxMinOfLogRatesMatchesTheClosedFormFromNearlyActiveStarts() {
        Random rnd = new Random(12);
        for (int trial = 0; trial < 40; trial++) {
            int users = 2 + rnd.nextInt(30);
            double[] a = new double[users];
            double inverseSum = 0;
            for (int k = 0; k < users; k++) {
                a[k] = Math.exp(6 * rnd.nextDouble()); // gains over 2.6 decades, as in ICA
                inverseSum += 1 / a[k];
            }
            double optimum = Math.log1p(1 / inverseSum);
            ConvexProblem problem = maxMin(a);
            // a random split of 0.999 of the budget, w 1e-7 below the smallest rate
            double[] x0 = new double[users + 1];
            double total = 0;
            for (int k = 0; k < users; k++) {
                x0[k] = 0.01 + rnd.nextDouble();
                total += x0[k];
            }
            double smallest = Double.POSITIVE_INFINITY;
            for (int k = 0; k < users; k++) {
                x0[k] *= 0.999 / total;
                smallest = Math.min(smallest, Math.log1p(a[k] * x0[k]));
            }
            x0[users] = smallest - 1e-7;
            InteriorPointResult before = plain.solve(problem, x0);
            InteriorPointResult after = corrected.solve(problem, x0);
            for (InteriorPointResult r : new InteriorPointResult[] {before, after}) {
                assertEquals(Status.OPTIMAL, r.status(), "trial " + trial + ": " + r.message());
                assertEquals(-optimum, r.objective(), 1e-7, "trial " + trial);
                for (int k = 0; k < users; k++) {
                    assertEquals(Math.expm1(optimum) / a[k], r.x()[k], 1e-6, "trial " + trial + ", x_" + k);
                }
                Kkt.check(problem, r, 1e-6);
            }
            // warm: the plain solve's multipliers, as ICA passes the previous subproblem's
            double[] lambda0 = before.lambda().clone();
            for (int i = 0; i < lambda0.length; i++) {
                lambda0[i] += 1e-3;
            }
            InteriorPointResult warm = corrected.solve(problem, x0, lambda0, Deadline.NEVER);
            assertEquals(Status.OPTIMAL, warm.status(), "trial " + trial + " warm: " + warm.message());
            assertEquals(-optimum, warm.objective(), 1e-7, "trial " + trial + " warm");
            Kkt.check(problem, warm, 1e-6);
        }
    }

    private static ConvexProblem maxMin(double[] a) {
        int users = a.length;
        double[] objective = new double[users + 1];
        objective[users] = -1;
        double[] lower = new double[users + 1];
        double[] upper = new double[users + 1];
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        lower[users] = Double.NEGATIVE_INFINITY;
        double[] budget = new double[users + 1];
        Arrays.fill(budget, 0, users, 1);
        ConvexProblem.Builder builder = ConvexProblem.builder(users + 1)
                .minimize(QuadraticFunction.linear(objective, 0)).bounds(lower, upper).linearInequality(budget, 1);
        for (int k = 0; k < users; k++) {
            builder.subjectTo(new LogRate(k, a[k], users));
        }
        return builder.build();
    }

    /** min cᵀx over the unit ball is {@code −‖c‖} at {@code −c/‖c‖}, from starts up to 0.999 of the radius. */
    @Test
    void linearObjectiveOverTheBallFromOffCentreStarts() {
        Random rnd = new Random(21);
        for (int trial = 0; trial < 100; trial++) {
            int n = 2 + rnd.nextInt(8);
            double[] c = gaussian(rnd, n);
            double[] x0 = gaussian(rnd, n);
            double norm0 = norm(x0);
            double radius = 0.5 + 0.499 * rnd.nextDouble();
            for (int i = 0; i < n; i++) {
                x0[i] *= radius / norm0;
            }
            ConvexProblem problem = ConvexProblem.builder(n).minimize(QuadraticFunction.linear(c, 0))
                    .subjectTo(QuadraticFunction.sumOfSquares(n, 1.0)).build();
            InteriorPointResult r = corrected.solve(problem, x0);
            assertEquals(Status.OPTIMAL, r.status(), "trial " + trial + ": " + r.message());
            assertEquals(-norm(c), r.objective(), 1e-7, "trial " + trial);
            for (int i = 0; i < n; i++) {
                assertEquals(-c[i] / norm(c), r.x()[i], 1e-6, "trial " + trial);
            }
            assertEquals(plain.solve(problem, x0).objective(), r.objective(), 1e-7, "trial " + trial);
        }
    }

    /** Random QPs plus a ball around a point near the linear part's optimum: both steps, one optimum. */
    @Test
    void randomQpsWithABallReachThePlainOptimum() {
        int compared = 0;
        for (long seed = 0; seed < 60; seed++) {
            int n = 2 + (int) (seed % 9);
            RandomQp qp = RandomQp.generate(900 + seed, n, 2 * n, 0);
            Random rnd = new Random(seed);
            InteriorPointResult linear = plain.solve(qp.problem());
            assertEquals(Status.OPTIMAL, linear.status(), linear.message());
            double[] lin = new double[n];
            double cc = 0;
            for (int j = 0; j < n; j++) {
                double centre = linear.x()[j] + 0.1 * rnd.nextGaussian();
                lin[j] = -2 * centre;
                cc += centre * centre;
            }
            DMatrixRMaj twoI = org.ejml.dense.row.CommonOps_DDRM.identity(n);
            org.ejml.dense.row.CommonOps_DDRM.scale(2, twoI);
            QuadraticFunction ball = new QuadraticFunction(twoI, lin, cc - (0.05 + rnd.nextDouble()));
            ConvexProblem problem = ConvexProblem.builder(n).minimize(new QuadraticFunction(qp.p(), qp.q(), 0))
                    .linearInequalities(qp.g(), qp.h()).subjectTo(ball).build();
            InteriorPointResult before = plain.solve(problem, linear.x());
            InteriorPointResult after = corrected.solve(problem, linear.x());
            assertEquals(before.status(), after.status(), "seed " + seed + ": " + after.message());
            if (before.status() != Status.OPTIMAL) {
                continue; // the ball missed the polyhedron's interior; both said so
            }
            Kkt.check(problem, after, 1e-6);
            assertEquals(before.objective(), after.objective(), 1e-6 * (1 + Math.abs(before.objective())), "seed " + seed);
            compared++;
        }
        assertEquals(true, compared >= 30, "too few feasible instances: " + compared);
    }

    private static double[] gaussian(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}

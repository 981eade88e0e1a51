package org.mecopt.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.mecopt.api.Deadline;
import org.mecopt.channel.ChannelModel;
import org.mecopt.numeric.ConvexFunction;
import org.mecopt.numeric.ConvexProblem;
import org.mecopt.numeric.FusedOuterHessian;
import org.mecopt.numeric.InteriorPointOptions;
import org.mecopt.numeric.InteriorPointResult;
import org.mecopt.numeric.InteriorPointSolver;
import org.mecopt.numeric.QuadraticFunction;

/**
 * The fused Newton-matrix assembly of ICA's rate constraints ({@link FusedOuterHessian}) against
 * the separate one it replaces: entry by entry against {@code addHessian + outer ∇f∇fᵀ} (the
 * gradient from {@link LinearizedRateConstraint#gradient}), and whole interior-point solves of
 * ICA's subproblem with the constraints hidden behind a plain {@link ConvexFunction} (so the
 * solver forms the outer products itself): the same iterates, Newton step by Newton step, to
 * rounding; and {@link RateConstraintGroup}, which adds all users' terms row by row, against the
 * constraints one by one, bit for bit.
 */
class FusedRateHessianTest {

    @Test
    void fusedAssemblyEqualsHessianPlusOuterProduct() {
        Random random = new Random(12);
        for (int trial = 0; trial < 40; trial++) {
            int users = 1 + trial % 6;
            int subcarriers = 1 + trial % 4;
            LatencyInstance instance = LatencyProperties.random(300 + trial, users, subcarriers, trial % 2 == 0);
            double[][] at = IcaSolver.randomSplit(random, subcarriers, users);
            double[] x = pointNear(random, instance);
            int dim = x.length;
            for (int k = 0; k < users; k++) {
                LinearizedRateConstraint f = new LinearizedRateConstraint(instance, k, 1e-3, at);
                if (!Double.isFinite(f.value(x))) {
                    continue;
                }
                double scale = random.nextDouble() * 3;
                double outer = random.nextDouble() * 5;
                DMatrixRMaj fused = new DMatrixRMaj(dim, dim);
                f.addHessianAndOuter(x, scale, outer, fused);
                DMatrixRMaj separate = new DMatrixRMaj(dim, dim);
                f.addHessian(x, scale, separate);
                double[] g = new double[dim];
                f.gradient(x, g);
                double largest = 0;
                for (int i = 0; i < dim; i++) {
                    for (int j = i; j < dim; j++) {
                        separate.data[i * dim + j] += outer * g[i] * g[j];
                        largest = Math.max(largest, Math.abs(separate.data[i * dim + j]));
                    }
                }
                for (int i = 0; i < dim; i++) {
                    for (int j = i; j < dim; j++) {
                        assertEquals(separate.data[i * dim + j], fused.data[i * dim + j], 1e-12 * largest,
                                "entry (" + i + ", " + j + ") of trial " + trial + ", user " + k);
                    }
                }
            }
        }
    }

    @Test
    void groupAddsTheBitsOfItsMembersOneByOne() {
        Random random = new Random(1212);
        int compared = 0;
        for (int trial = 0; trial < 24; trial++) {
            int users = 1 + trial % 11; // below, at and above the four users per pass, with tails
            int subcarriers = 1 + trial % 4;
            LatencyInstance instance = LatencyProperties.random(700 + trial, users, subcarriers, trial % 3 == 0);
            double[][] at = IcaSolver.randomSplit(random, subcarriers, users);
            IcaSolver.Subproblem sub = IcaSolver.Subproblem.at(instance, at, 1e-3);
            RateConstraintGroup group = sub.constraints()[0].group();
            assertEquals(users, group.members().size());
            double[] x = pointNear(random, instance);
            boolean inside = true;
            for (LinearizedRateConstraint f : sub.constraints()) {
                inside &= Double.isFinite(f.value(x));
            }
            if (!inside) {
                continue;
            }
            int dim = x.length;
            double[] scales = new double[users];
            double[] outers = new double[users];
            for (int q = 0; q < users; q++) {
                scales[q] = random.nextDouble() * 3;
                outers[q] = q % 3 == 1 ? 0 : random.nextDouble() * 5;
            }
            DMatrixRMaj grouped = new DMatrixRMaj(dim, dim);
            for (int i = 0; i < dim * dim; i++) {
                grouped.data[i] = random.nextGaussian(); // what the Gram and the objective left there
            }
            DMatrixRMaj single = grouped.copy();
            group.addHessiansAndOuters(x, scales, outers, grouped);
            for (int q = 0; q < users; q++) {
                sub.constraints()[q].addHessianAndOuter(x, scales[q], outers[q], single);
            }
            for (int i = 0; i < dim; i++) {
                for (int j = i; j < dim; j++) {
                    double want = single.data[i * dim + j];
                    double got = grouped.data[i * dim + j];
                    assertTrue(want == got, "entry (" + i + ", " + j + ") of trial " + trial + ": " + want + " vs " + got);
                }
            }
            compared++;
        }
        assertTrue(compared >= 18, "only " + compared + " trials had a point inside every constraint's domain");
    }

    @Test
    void interiorPointIteratesAreThoseOfTheSeparateAssembly() {
        LatencyGenerator.Config config = LatencyGenerator.Config.PAPER.with(ChannelModel.CELLFREE, 8, 16, 3);
        InteriorPointOptions options = InteriorPointOptions.defaults().withGapTolerance(1e-7).withFeasibilityTolerance(1e-9);
        int compared = 0;
        for (long seed = 0; seed < 6; seed++) {
            LatencyInstance instance = LatencyGenerator.generate(config, 4400 + seed);
            double bound = InterferenceFreeBound.lowerBound(instance);
            double[][] at = IcaSolver.startingPoint(instance, bound, Deadline.NEVER);
            IcaSolver.Subproblem sub = IcaSolver.Subproblem.at(instance, at, bound);
            ConvexProblem separate = withoutFusion(sub, instance);
            double[] x0 = sub.pulledIn(at, 0.98, 0.01);
            double w = sub.smallestMargin(x0);
            x0[sub.wIndex()] = w - 1e-3 * Math.abs(w);
            assertTrue(Double.isFinite(x0[sub.wIndex()]));
            for (int steps = 1; steps <= 12; steps++) {
                InteriorPointResult a = new InteriorPointSolver(options.withMaxIterations(steps)).solve(sub.problem(), x0);
                InteriorPointResult b = new InteriorPointSolver(options.withMaxIterations(steps)).solve(separate, x0);
                assertEquals(b.status(), a.status(), "seed " + seed + " after " + steps + " steps");
                assertEquals(b.iterations(), a.iterations());
                for (int j = 0; j < x0.length; j++) {
                    assertEquals(b.x()[j], a.x()[j], 1e-8 * (1 + Math.abs(b.x()[j])),
                            "x[" + j + "] of seed " + seed + " after " + steps + " Newton steps");
                }
                compared++;
            }
            InteriorPointResult a = new InteriorPointSolver(options).solve(sub.problem(), x0);
            InteriorPointResult b = new InteriorPointSolver(options).solve(separate, x0);
            assertEquals(b.status(), a.status());
            assertEquals(b.x()[sub.wIndex()], a.x()[sub.wIndex()], 1e-7, "the subproblem's optimum w, seed " + seed);
        }
        assertEquals(72, compared);
    }

    /** ICA's subproblem as {@link IcaSolver.Subproblem#at} builds it, with each rate constraint behind a plain function. */
    private static ConvexProblem withoutFusion(IcaSolver.Subproblem sub, LatencyInstance instance) {
        int users = instance.userCount();
        int nk = users * instance.subcarrierCount();
        double[] objective = new double[nk + 1];
        objective[nk] = -1;
        double[] lower = new double[nk + 1];
        double[] upper = new double[nk + 1];
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        lower[nk] = Double.NEGATIVE_INFINITY;
        ConvexProblem.Builder builder = ConvexProblem.builder(nk + 1).minimize(QuadraticFunction.linear(objective, 0))
                .bounds(lower, upper);
        for (int k = 0; k < users; k++) {
            double[] row = new double[nk + 1];
            for (int n = 0; n < instance.subcarrierCount(); n++) {
                row[n * users + k] = 1;
            }
            builder.linearInequality(row, 1);
        }
        for (LinearizedRateConstraint f : sub.constraints()) {
            builder.subjectTo(new ConvexFunction() {
                @Override
                public double value(double[] x) {
                    return f.value(x);
                }

                @Override
                public void gradient(double[] x, double[] gradient) {
                    f.gradient(x, gradient);
                }

                @Override
                public void addHessian(double[] x, double scale, DMatrixRMaj hessian) {
                    f.addHessian(x, scale, hessian);
                }
            });
        }
        return builder.build();
    }

    /** Powers strictly inside the budgets and a w below 1. */
    private static double[] pointNear(Random random, LatencyInstance instance) {
        int users = instance.userCount();
        int subcarriers = instance.subcarrierCount();
        double[] x = new double[users * subcarriers + 1];
        double[][] split = IcaSolver.randomSplit(random, subcarriers, users);
        for (int n = 0; n < subcarriers; n++) {
            for (int k = 0; k < users; k++) {
                x[n * users + k] = 0.9 * split[n][k] + 0.01;
            }
        }
        x[x.length - 1] = random.nextDouble();
        return x;
    }
}

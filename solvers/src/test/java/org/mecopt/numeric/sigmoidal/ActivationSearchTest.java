package org.mecopt.numeric.sigmoidal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mecopt.api.Status;
import org.mecopt.qoe.QoeSigmoid;

/**
 * The activation search (run from the root, {@code activationAfterNodes = 0}) against references
 * that share no code with it: the one-dimensional optimum of identical users, a fine grid on
 * perturbed pairs and triples, and the envelope branch and bound where that one closes.
 */
class ActivationSearchTest {

    private static SigmoidalProgramming activation(double gap) {
        return new SigmoidalProgramming(SigmoidalProgramming.Settings.DEFAULTS.withRelativeGap(gap)
                .withActivationAfterNodes(0).withMaxNodes(300_000).withTimeLimitMillis(Long.MAX_VALUE)); // no clock in a test
    }

    private static SigmoidalProgramming envelopeOnly(double gap) {
        return new SigmoidalProgramming(SigmoidalProgramming.Settings.DEFAULTS.withRelativeGap(gap)
                .withActivationAfterNodes(-1).withMaxNodes(300_000).withTimeLimitMillis(Long.MAX_VALUE));
    }

    /**
     * n identical users: some optimum serves m of them equally on their concave sides and gives at
     * most one more a share t on its convex side, so the optimum is
     * {@code max_{m, t} m f((C − t)/m) + (n − m − [t>0]) f(0) + f(t)}: a grid over t for each m, refined
     * by golden section (a lower reference: every candidate is feasible).
     */
    static double identicalReference(Sigmoid f, int n, double capacity) {
        double best = n * f.value(0);
        for (int m = 0; m <= n; m++) {
            for (int partial = 0; partial <= (m < n ? 1 : 0); partial++) {
                int mm = m;
                int pp = partial;
                java.util.function.DoubleUnaryOperator value = t -> {
                    double rest = capacity - t;
                    double each = mm > 0 ? rest / mm : 0;
                    return mm * f.value(each) + pp * f.value(t) + (n - mm - pp) * f.value(0);
                };
                if (partial == 0) {
                    best = Math.max(best, value.applyAsDouble(0));
                    continue;
                }
                int grid = 2000;
                double bestT = 0;
                double bestV = Double.NEGATIVE_INFINITY;
                for (int k = 0; k <= grid; k++) {
                    double t = capacity * k / grid;
                    double v = value.applyAsDouble(t);
                    if (v > bestV) {
                        bestV = v;
                        bestT = t;
                    }
                }
                double a = Math.max(0, bestT - capacity / grid);
                double b = Math.min(capacity, bestT + capacity / grid);
                for (int k = 0; k < 100; k++) {
                    double c = b - 0.618 * (b - a);
                    double d = a + 0.618 * (b - a);
                    if (value.applyAsDouble(c) >= value.applyAsDouble(d)) {
                        b = d;
                    } else {
                        a = c;
                    }
                }
                best = Math.max(best, Math.max(bestV, value.applyAsDouble(0.5 * (a + b))));
            }
        }
        return best;
    }

    @ParameterizedTest(name = "n={0} capacity={1}")
    @CsvSource({"1,0.3", "2,0.7", "5,1.1", "12,3.3", "30,10", "30,40", "60,7", "60,150"})
    void identicalUsersMatchTheOneDimensionalReference(int n, double capacity) {
        for (Sigmoid f : List.of(new Logistic(1, 1.5, 4), new QoeSigmoid(1, 15, 0.02, 0.9, 0.35))) {
            SigmoidalProgram p = SigmoidalProgram.ofCapacity(Collections.nCopies(n, f), capacity);
            SigmoidalProgramming.Certificate c = activation(1e-7).solve(p);
            double reference = identicalReference(f, n, capacity);
            assertEquals(Status.OPTIMAL, c.status(), c.message());
            SigmoidalProgrammingTest.assertCertificate(p, c);
            assertTrue(c.upperBound() >= reference - 1e-9, "bound " + c.upperBound() + " below the reference " + reference);
            assertEquals(reference, c.value(), 2e-7 * Math.max(1, reference), f + " n=" + n);
        }
    }

    /** Near-identical pairs and triples (and boxes with lower bounds): never below a fine grid. */
    @Property(tries = 40)
    void perturbedSmallProgramsMatchAFineGrid(@ForAll long seed, @ForAll @IntRange(min = 2, max = 3) int n,
                                              @ForAll @IntRange(min = 0, max = 100) int level) {
        double perturbation = 1e-4 * Math.pow(500, level / 100.0); // 1e-4 … 5e-2, log-uniform
        Random rnd = new Random(seed);
        Logistic base = new Logistic(0.5 + rnd.nextDouble(), 0.5 + 3 * rnd.nextDouble(), 1 + 6 * rnd.nextDouble());
        List<Sigmoid> f = new ArrayList<>();
        double[] l = new double[n];
        double[] u = new double[n];
        double sumL = 0;
        for (int i = 0; i < n; i++) {
            f.add(new Logistic(base.height() * (1 + perturbation * (2 * rnd.nextDouble() - 1)),
                    base.steepness() * (1 + perturbation * (2 * rnd.nextDouble() - 1)),
                    base.midpoint() * (1 + perturbation * (2 * rnd.nextDouble() - 1))));
            l[i] = rnd.nextDouble() < 0.2 ? rnd.nextDouble() : 0;
            u[i] = l[i] + 3 + 10 * rnd.nextDouble();
            sumL += l[i];
        }
        SigmoidalProgram p = new SigmoidalProgram(f, l, u, sumL + base.midpoint() * n * rnd.nextDouble() * 1.5);
        SigmoidalProgramming.Certificate c = activation(1e-8).solve(p);
        BruteForce.Best reference = BruteForce.maximize(p, n == 2 ? 3000 : 200);
        assertEquals(Status.OPTIMAL, c.status(), c.message());
        SigmoidalProgrammingTest.assertCertificate(p, c);
        assertTrue(c.upperBound() >= reference.value() - 1e-10, "bound " + c.upperBound() + " < grid " + reference.value());
        assertTrue(c.value() >= reference.value() - 1e-6, "value " + c.value() + " < grid " + reference.value());
    }

    /**
     * Random logistics in a few classes: where the envelope branch and bound closes, both agree
     * within the gap and neither's bound is beaten by the other's point.
     */
    @Property(tries = 30)
    void agreesWithTheEnvelopeSearch(@ForAll long seed, @ForAll @IntRange(min = 2, max = 9) int n) {
        Random rnd = new Random(seed);
        int classes = 1 + rnd.nextInt(3);
        List<Logistic> bases = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            bases.add(new Logistic(0.5 + rnd.nextDouble(), 0.5 + 3 * rnd.nextDouble(), 1 + 6 * rnd.nextDouble()));
        }
        double perturbation = rnd.nextDouble() < 0.5 ? 0 : Math.pow(10, -4 + 3 * rnd.nextDouble());
        List<Sigmoid> f = new ArrayList<>();
        double demand = 0;
        for (int i = 0; i < n; i++) {
            Logistic b = bases.get(rnd.nextInt(classes));
            f.add(new Logistic(b.height(), b.steepness() * (1 + perturbation * (2 * rnd.nextDouble() - 1)),
                    b.midpoint() * (1 + perturbation * (2 * rnd.nextDouble() - 1))));
            demand += 2 * b.midpoint();
        }
        SigmoidalProgram p = SigmoidalProgram.ofCapacity(f, demand * (0.1 + 0.9 * rnd.nextDouble()));
        double gap = 1e-6;
        SigmoidalProgramming.Certificate a = activation(gap).solve(p);
        SigmoidalProgramming.Certificate e = envelopeOnly(gap).solve(p);
        assertEquals(Status.OPTIMAL, a.status(), a.message());
        SigmoidalProgrammingTest.assertCertificate(p, a);
        assertTrue(a.upperBound() >= e.value() - 1e-12, "activation bound " + a.upperBound() + " < envelope point " + e.value());
        assertTrue(e.upperBound() >= a.value() - 1e-12, "envelope bound " + e.upperBound() + " < activation point " + a.value());
        if (e.status() == Status.OPTIMAL) {
            assertEquals(e.value(), a.value(), 2 * gap * Math.abs(e.upperBound()) + 1e-12);
        }
    }

    /**
     * Regression: users so steep that their best response sits ~1e-9 into a box of width 1. The
     * Newton bracket was narrow for the box but wide for f', so the ON terms' error bound (residual ×
     * bracket) reached 1e6, broke the price search's cutting plane, and left the root bound at
     * λ = 0: 18 000 nodes without closing. Fuzz case 175 of 1 500 mixed extreme QoE programs.
     */
    @org.junit.jupiter.api.Test
    void steepUsersWithTinyBestResponsesStillClose() {
        Random rnd = new Random(175);
        int users = 1 + rnd.nextInt(30);
        List<Sigmoid> f = new ArrayList<>();
        rnd.nextBoolean();
        double capacityHz = 0;
        List<double[]> raw = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            raw.add(new double[] {rnd.nextDouble() < 0.2 ? 0 : Math.pow(10, -4 + 4 * rnd.nextDouble()),
                    Math.pow(10, 3 + 9 * rnd.nextDouble()), 0.1 + 2 * rnd.nextDouble(),
                    Math.pow(10, -1 + 4 * rnd.nextDouble()), -1 + 3 * rnd.nextDouble()});
            double p = rnd.nextDouble() < 0.5 ? 0 : 1e-3;
            double[] r = raw.get(u);
            r[1] *= 1 + p * rnd.nextGaussian();
            r[3] *= 1 + p * rnd.nextGaussian();
        }
        capacityHz = Math.pow(10, 6 + 6 * rnd.nextDouble());
        for (double[] r : raw) {
            f.add(new QoeSigmoid(r[2], r[3], r[0], r[1] / capacityHz, r[4]));
        }
        SigmoidalProgram p = SigmoidalProgram.ofCapacity(f, 1);
        SigmoidalProgramming.Certificate c = new SigmoidalProgramming(SigmoidalProgramming.Settings.DEFAULTS
                .withActivationAfterNodes(0).withMaxNodes(2000)).solve(p);
        assertEquals(Status.OPTIMAL, c.status(), c.message());
        SigmoidalProgrammingTest.assertCertificate(p, c);
        SigmoidalProgramming.Certificate envelope = envelopeOnly(1e-4).solve(p);
        assertTrue(c.upperBound() >= envelope.value() - 1e-12);
        assertTrue(envelope.upperBound() >= c.value() - 1e-12);
    }
}

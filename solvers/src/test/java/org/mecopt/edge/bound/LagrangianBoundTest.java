package org.mecopt.edge.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.mecopt.edge.EdgeEvaluator;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.edge.EdgeSystemGenerator;
import org.mecopt.edge.policy.BuiltinEdgePolicies;
import org.mecopt.edge.policy.EdgePolicies;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;

class LagrangianBoundTest {

    /** Table III with every capacity scaled, so few users can compete for scarce servers too. */
    static EdgeSystem system(int users, double capacityScale, long seed) {
        EdgeSystemGenerator.Config c = EdgeSystemGenerator.Config.SEED_003;
        double[] cap = c.serverCapacityHz();
        for (int h = 0; h < cap.length; h++) {
            cap[h] *= capacityScale;
        }
        return EdgeSystemGenerator.generate(new EdgeSystemGenerator.Config(users, cap, c.linkRateMinBps(),
                c.linkRateMaxBps(), c.linkDelayMinS(), c.linkDelayMaxS(), c.cloudRateBps(), c.cloudDelayS(),
                c.cloudCpuHz(), c.distributions()), seed);
    }

    /** The bound is never below the QoE of any policy's allocation (DAES, GA-Aware, local search, random). */
    @Property(tries = 25, seed = "1515")
    void neverBelowAFeasibleAllocation(@ForAll @IntRange(min = 1, max = 40) int users,
            @ForAll @DoubleRange(min = 0.02, max = 1) double capacityScale, @ForAll @LongRange(min = 0, max = 1 << 20) long seed) {
        EdgeSystem s = system(users, capacityScale, seed);
        double bound = LagrangianBound.compute(s).value();
        EdgeEvaluator eval = new EdgeEvaluator(s, SigmoidalProgramming.Settings.DEFAULTS);
        for (String p : BuiltinEdgePolicies.NAMES) {
            String spec = p.equals("random") ? "random:" + seed : p;
            double qoe = eval.evaluate(EdgePolicies.create(spec).allocate(s)).systemQoe();
            assertTrue(bound >= qoe - 1e-9, p + ": QoE " + qoe + " above the bound " + bound);
        }
        // all users in the cloud is feasible too
        int[] cloud = new int[users];
        java.util.Arrays.fill(cloud, -1);
        assertTrue(bound >= eval.evaluate(cloud).systemQoe());
    }

    /** Small systems: the bound is at least the exact optimum, at any prices, and close at the minimized ones. */
    @Property(tries = 12, seed = "1516")
    void aboveTheExactOptimumOfSmallSystems(@ForAll @IntRange(min = 1, max = 6) int users,
            @ForAll @DoubleRange(min = 0.02, max = 1) double capacityScale, @ForAll @LongRange(min = 0, max = 1 << 20) long seed,
            @ForAll @DoubleRange(min = 0, max = 1) double priceFraction) {
        EdgeSystem s = system(users, capacityScale, seed);
        ExactAllocation.Result exact = ExactAllocation.solve(s);
        double bound = LagrangianBound.compute(s).value();
        assertTrue(bound >= exact.lower() - 1e-9, "bound " + bound + " below the optimum " + exact.lower());
        double[] prices = new double[7];
        for (int h = 0; h < 7; h++) {
            prices[h] = priceFraction * 2e-10 * (h + 1) / 7; // up to ~10 QoE per 60 GHz
        }
        assertTrue(LagrangianBound.value(s, prices) >= exact.lower() - 1e-9, "UB at arbitrary prices");
        EdgeEvaluator eval = new EdgeEvaluator(s, SigmoidalProgramming.Settings.DEFAULTS.withRelativeGap(1e-9));
        assertEquals(exact.lower(), eval.evaluate(exact.assignment()).systemQoe(), 1e-7);
        for (String p : new String[] {"daes", "ga-aware", "local-search"}) {
            assertTrue(exact.upper() >= eval.evaluate(EdgePolicies.create(p).allocate(s)).systemQoe() - 1e-9, p);
        }
    }

    /** The subset dynamic program against plain enumeration of all 7^|U| assignments. */
    @Test
    void exactAllocationMatchesEnumeration() {
        for (long seed = 1; seed <= 3; seed++) {
            EdgeSystem s = system(4, 0.03, seed);
            EdgeEvaluator eval = new EdgeEvaluator(s, SigmoidalProgramming.Settings.DEFAULTS.withRelativeGap(1e-9));
            double best = Double.NEGATIVE_INFINITY;
            int[] a = new int[4];
            for (int code = 0; code < 7 * 7 * 7 * 7; code++) {
                for (int u = 0, c = code; u < 4; u++, c /= 7) {
                    a[u] = c % 7;
                }
                best = Math.max(best, eval.evaluate(a).systemQoe());
            }
            ExactAllocation.Result exact = ExactAllocation.solve(s);
            assertEquals(best, exact.lower(), 1e-7, "seed " + seed);
            assertTrue(exact.upper() >= best - 1e-12 && exact.upper() - exact.lower() <= 1e-7);
        }
    }

    /** A lone user: the bound is exact (no capacity is shared, so the relaxation has no gap). */
    @Test
    void aLoneUserIsBoundExactly() {
        EdgeSystem s = system(1, 0.05, 4);
        double best = s.cloudQoe(0);
        for (int h = 0; h < 7; h++) {
            best = Math.max(best, s.qoeUser(0, h).qoe(s.capacityOf(h)));
        }
        assertEquals(best, LagrangianBound.compute(s).value(), 1e-9);
    }

    /**
     * The ellipsoid's certificate: the minimized UB is within the certified gap of min UB, and
     * long line searches alone (a second, independent minimizer) never get below the certified
     * lower end.
     */
    @Test
    void theMinimizationIsCertified() {
        EdgeSystem s = EdgeSystemGenerator.draw(
                EdgeSystemGenerator.deployment(EdgeSystemGenerator.Config.SEED_003.withUsers(40), 2), 1_000_000);
        LagrangianBound.Result r = LagrangianBound.compute(s);
        assertTrue(r.minimizationGap() >= 0 && r.minimizationGap() <= 1e-5, "gap " + r.minimizationGap());
        LagrangianBound.Result lines = LagrangianBound.compute(s, new LagrangianBound.Settings(200, 0, 60, 0, 0));
        assertTrue(lines.value() >= r.minimumLowerBound() - 1e-9, lines.value() + " < " + r.minimumLowerBound());
        assertTrue(lines.minimizationGap() == Double.POSITIVE_INFINITY);
        // the prices reproduce the value
        assertEquals(r.value(), LagrangianBound.value(s, r.pricePerHz()), 1e-9 * r.value());
    }

    /** One server: the ellipsoid is an interval (its general update divides by m² − 1 = 0). */
    @Test
    void aSingleServerSystemIsCertifiedToo() {
        EdgeSystemGenerator.Config c = EdgeSystemGenerator.Config.SEED_003;
        for (long seed = 1; seed <= 3; seed++) {
            EdgeSystem s = EdgeSystemGenerator.generate(new EdgeSystemGenerator.Config(12, new double[] {30e9},
                    c.linkRateMinBps(), c.linkRateMaxBps(), c.linkDelayMinS(), c.linkDelayMaxS(), c.cloudRateBps(),
                    c.cloudDelayS(), c.cloudCpuHz(), c.distributions()), seed);
            LagrangianBound.Result r = LagrangianBound.compute(s);
            assertTrue(Double.isFinite(r.minimumLowerBound()), "lower " + r.minimumLowerBound());
            assertTrue(r.minimizationGap() >= 0 && r.minimizationGap() <= 1e-5, "gap " + r.minimizationGap());
            double daes = new EdgeEvaluator(s, SigmoidalProgramming.Settings.DEFAULTS)
                    .evaluate(EdgePolicies.create("daes").allocate(s)).systemQoe();
            assertTrue(r.value() >= daes - 1e-9);
        }
    }
}

package org.mecopt.numeric.sigmoidal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.mecopt.qoe.QoeSigmoid;

class PriceResponseTest {

    /** The supremum on a grid of 200 001 points, refined by a finer grid around the best one. */
    private static double grid(Sigmoid f, double price, double hi) {
        int n = 200_000;
        double best = Double.NEGATIVE_INFINITY;
        int arg = 0;
        for (int i = 0; i <= n; i++) {
            double x = hi * i / n;
            double v = f.value(x) - price * x;
            if (v > best) {
                best = v;
                arg = i;
            }
        }
        double a = hi * Math.max(0, arg - 1) / n;
        double b = hi * Math.min(n, arg + 1) / n;
        for (int i = 0; i <= 20_000; i++) {
            double x = a + (b - a) * i / 20_000;
            best = Math.max(best, f.value(x) - price * x);
        }
        return best;
    }

    /**
     * QoE sigmoids in capacity shares as the edge system makes them (α 5–30/s, β 0.33–0.37 s, a
     * fixed latency up to 0.25 s, workloads from a tenth to three times the capacity-second), with
     * prices from 0 to past the steepest slope.
     */
    @Property(tries = 60, seed = "1503")
    void matchesABruteForceGrid(@ForAll @DoubleRange(min = 5, max = 30) double alpha,
            @ForAll @DoubleRange(min = 0.33, max = 0.37) double beta, @ForAll @DoubleRange(min = 0, max = 0.25) double d,
            @ForAll @DoubleRange(min = 0.002, max = 0.3) @net.jqwik.api.constraints.Scale(4) double workload,
            @ForAll @DoubleRange(min = 0, max = 1) double priceFraction) {
        QoeSigmoid f = new QoeSigmoid(1, alpha, d, workload, beta);
        double z = f.inflectionPoint(0, 1);
        double price = priceFraction * 1.2 * f.derivative(z);
        PriceResponse r = PriceResponse.of(f, price, 0, 1, z);
        double reference = grid(f, price, 1);
        assertTrue(r.upperBound() >= reference - 1e-13, "upper " + r.upperBound() + " below the grid's " + reference);
        assertTrue(r.value() >= reference - 1e-9, "value " + r.value() + " vs grid " + reference);
        assertTrue(r.upperBound() - r.value() <= 1e-10, "certificate too loose: " + (r.upperBound() - r.value()));
        assertEquals(f.value(r.x()) - price * r.x(), r.value(), 1e-15);
    }

    @Test
    void endpointsAndCornerCases() {
        QoeSigmoid f = new QoeSigmoid(1, 15, 0.05, 0.05, 0.35);
        double z = f.inflectionPoint(0, 1);
        // a free resource: take everything
        PriceResponse free = PriceResponse.of(f, 0, 0, 1, z);
        assertEquals(1, free.x());
        assertEquals(f.value(1), free.upperBound(), 0);
        // a price above every slope: take nothing (the convex part ends below the line through 0)
        PriceResponse dear = PriceResponse.of(f, 2 * f.derivative(z), 0, 1, z);
        assertEquals(0, dear.x());
        assertEquals(0, dear.upperBound(), 0);
        // convex on the whole interval (inflection past hi): the better endpoint
        PriceResponse convex = PriceResponse.of(f, 0.5, 0, z / 2, z);
        assertEquals(Math.max(0, f.value(z / 2) - 0.5 * z / 2), convex.upperBound(), 0);
    }
}

package org.mecopt.numeric.sigmoidal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mecopt.qoe.QoeSigmoid;

/** Sigmoid math against closed forms and independent grid checks. */
class SigmoidTest {

    /** Only value and derivative: exercises the interface's defaults. */
    private static Sigmoid bare(Sigmoid f) {
        return new Sigmoid() {
            @Override
            public double value(double x) {
                return f.value(x);
            }

            @Override
            public double derivative(double x) {
                return f.derivative(x);
            }
        };
    }

    /**
     * x² on [0,1], then −x² + 4x − 2 on [1,2] (C¹, inflection 1). From l = 0 the tangent condition
     * f'(w)w = f(w) reads (4 − 2w)w = −w² + 4w − 2, so w = √2 and the slope is 4 − 2√2.
     */
    static final Sigmoid SPLINE = new Sigmoid() {
        @Override
        public double value(double x) {
            return x <= 1 ? x * x : -x * x + 4 * x - 2;
        }

        @Override
        public double derivative(double x) {
            return x <= 1 ? 2 * x : -2 * x + 4;
        }

        @Override
        public double secondDerivative(double x) {
            return x < 1 ? 2 : -2;
        }
    };

    @Test
    void logisticMatchesItsClosedForms() {
        Logistic f = new Logistic(2, 3, 1.5);
        for (double x = -3; x <= 6; x += 0.37) {
            double e = Math.exp(-3 * (x - 1.5));
            assertEquals(2 / (1 + e), f.value(x), 1e-15);
            assertEquals(2 * 3 * e / ((1 + e) * (1 + e)), f.derivative(x), 1e-14);
            double h = 1e-5;
            assertEquals((f.derivative(x + h) - f.derivative(x - h)) / (2 * h), f.secondDerivative(x), 1e-7);
        }
        assertEquals(1.5, f.inflectionPoint(-10, 10));
        assertEquals(2.0, f.inflectionPoint(2, 10), "clipped to a concave box");
        assertEquals(1.0, f.inflectionPoint(-10, 1), "clipped to a convex box");
        assertEquals(0.5, new Logistic(1, 1, 0).value(0), 0);
        assertEquals(0, new Logistic(1, 1, 0).value(-1e4), 0, "no overflow");
        assertEquals(1, new Logistic(1, 1, 0).value(1e4), 0);
    }

    @Test
    void defaultInflectionBisectionFindsTheMidpoint() {
        Logistic f = new Logistic(1, 2, 3.25);
        assertEquals(3.25, bare(f).inflectionPoint(-5, 12), 1e-6);
        assertEquals(1.0, SPLINE.inflectionPoint(0, 2), 1e-12);
    }

    @Test
    void tangentPointMatchesTheClosedFormOnTheSpline() {
        ConcaveEnvelope e = ConcaveEnvelope.of(SPLINE, 0, 2, 1);
        assertEquals(Math.sqrt(2), e.w(), 1e-12);
        assertEquals(4 - 2 * Math.sqrt(2), e.slope(), 1e-11);
        assertTrue(e.w() <= Math.sqrt(2), "the tangent point errs to the left");
        ConcaveEnvelope bareEnvelope = ConcaveEnvelope.of(bare(SPLINE), 0, 2, 1);
        assertEquals(Math.sqrt(2), bareEnvelope.w(), 1e-9);
    }

    @Test
    void logisticEnvelopeIsTheTangentAndDominates() {
        Logistic f = new Logistic(1, 1.7, 4);
        for (double l : new double[] {-3, 0, 2, 3.9}) {
            double u = 9;
            ConcaveEnvelope e = ConcaveEnvelope.of(f, l, u, f.inflectionPoint(l, u));
            // tangent condition f'(w)(w − l) = f(w) − f(l)
            assertEquals(f.value(e.w()) - f.value(l), f.derivative(e.w()) * (e.w() - l), 1e-10);
            // independent check: w maximizes the chord slope from l over a fine grid
            double bestSlope = Double.NEGATIVE_INFINITY;
            double argmax = l;
            for (int k = 1; k <= 200_000; k++) {
                double x = l + (u - l) * k / 200_000;
                double slope = (f.value(x) - f.value(l)) / (x - l);
                if (slope > bestSlope) {
                    bestSlope = slope;
                    argmax = x;
                }
            }
            assertEquals(argmax, e.w(), 1e-3 * (u - l));
            assertEquals(bestSlope, e.slope(), 1e-9);
            assertEnvelope(f, e);
        }
    }

    @Test
    void envelopeCasesConcaveConvexAndChord() {
        Logistic f = new Logistic(1, 2, 0);
        ConcaveEnvelope concave = ConcaveEnvelope.of(f, 0.5, 3, f.inflectionPoint(0.5, 3));
        assertEquals(0.5, concave.w());
        assertEquals(f.value(2), concave.value(f, 2), 0);
        ConcaveEnvelope convex = ConcaveEnvelope.of(f, -3, -1, f.inflectionPoint(-3, -1));
        assertEquals(-1, convex.w());
        assertEquals((f.value(-1) - f.value(-3)) / 2, convex.slope(), 1e-15);
        ConcaveEnvelope chord = ConcaveEnvelope.of(f, -4, 0.1, f.inflectionPoint(-4, 0.1));
        assertEquals(0.1, chord.w(), "a short concave side: the chord to u is the envelope");
        assertEnvelope(f, chord);
        ConcaveEnvelope point = ConcaveEnvelope.of(f, 1, 1, 1);
        assertEquals(f.value(1), point.value(f, 1), 0);
    }

    static void assertEnvelope(Sigmoid f, ConcaveEnvelope e) {
        int k = 2000;
        double h = (e.u() - e.l()) / k;
        double previousSlope = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= k; i++) {
            double x = e.l() + h * i;
            assertTrue(e.value(f, x) >= f.value(x) - 1e-12, "envelope below f at " + x);
            if (i > 0) {
                double slope = (e.value(f, x) - e.value(f, x - h)) / h;
                assertTrue(slope <= previousSlope + 1e-9, "envelope not concave at " + x);
                previousSlope = slope;
            }
        }
    }

    @Test
    void qoeSigmoidIsSigmoidalWithTheStatedInflection() {
        QoeSigmoid f = new QoeSigmoid(1, 15, 0.03, 4e9, 0.35);
        double z = f.inflection();
        // closed form of the root equation y tanh((y − a)/2) = 2 with y = αw/z, a = α(β − d)
        double y = 15 * 4e9 / z;
        double a = 15 * (0.35 - 0.03);
        assertEquals(2, y * Math.tanh((y - a) / 2), 1e-12);
        // independent: the sign of a finite-difference second derivative changes once, at z
        for (double p = z * 0.2; p < z * 5; p *= 1.01) {
            double h = p * 1e-4;
            double second = (f.value(p + h) - 2 * f.value(p) + f.value(p - h)) / (h * h);
            if (Math.abs(p - z) > 0.02 * z) {
                assertEquals(p < z, second > 0, "curvature at p = " + p + " (z = " + z + ")");
            }
            assertEquals(second, f.secondDerivative(p), 1e-3 * Math.abs(f.secondDerivative(z * 0.5)) + 1e-6 * Math.abs(second));
        }
        assertEquals(z, bare(f).inflectionPoint(z / 10, z * 10), 1e-6 * z);
        assertEquals(0, f.value(0));
        assertEquals(0, f.derivative(0));
        // QoE(p) = 1/(1+exp(α(d + w/p − β))) at p = w / (β − d): exactly 1/2
        assertEquals(0.5, f.value(4e9 / 0.32), 1e-12);
    }

    @Test
    void levelCrossingClosedFormMatchesBisection() {
        QoeSigmoid f = new QoeSigmoid(1, 12, 0.02, 3e9, 0.35);
        for (double level : new double[] {0.01, 0.3, 0.5, 0.9, 0.97}) { // f(1e12) ≈ 0.98
            double closed = f.levelCrossing(level, 0, 1e12);
            double bisected = bare(f).levelCrossing(level, 0, 1e12);
            assertEquals(bisected, closed, 1e-9 * bisected);
            assertTrue(f.value(closed) >= level);
        }
        assertEquals(1e12, f.levelCrossing(0.99, 0, 1e12), "never reached");
    }

    @Test
    void fallbackIsSigmoidalWithTheLaterInflection() {
        QoeSigmoid f = new QoeSigmoid(1, 15, 0.03, 4e9, 0.35);
        double z = f.inflection();
        double low = f.value(z) / 2; // crossing below z: inflection stays z
        assertEquals(z, new FallbackSigmoid(f, low).inflectionPoint(0, 1e12), 1e-9 * z);
        double high = 0.8; // crossing above z: inflection moves to the crossing
        FallbackSigmoid g = new FallbackSigmoid(f, high);
        double xc = g.inflectionPoint(0, 1e12);
        assertTrue(xc > z);
        assertEquals(f.levelCrossing(high, 0, 1e12), xc, 1e-6 * xc);
        assertEquals(0, g.value(xc * 0.99), 0);
        assertEquals(f.value(xc * 2) - high, g.value(xc * 2), 1e-15);
        ConcaveEnvelope e = ConcaveEnvelope.of(g, 0, 4 * xc, xc);
        assertEnvelope(g, e);
    }

    @Test
    void fusedEvaluationMatchesTheSeparateMethods() {
        QoeSigmoid q = new QoeSigmoid(1, 15, 0.03, 4e9, 0.35);
        Sigmoid[] fs = {new Logistic(2, 3, 1.5), q, new FallbackSigmoid(q, 0.3), bare(new Logistic(1, 1, 0))};
        double[] out = new double[3];
        for (Sigmoid f : fs) {
            for (double x : new double[] {-2, 0, 1e-3, 0.7, 3, 1e9, 7e9, 2e10, 1e12}) {
                f.evaluate(x, out);
                assertEquals(f.value(x), out[0], 1e-14 * Math.max(1, Math.abs(out[0])), f + " at " + x);
                assertEquals(f.derivative(x), out[1], 1e-12 * Math.abs(f.derivative(x)) + 1e-300, f + " at " + x);
                assertEquals(f.secondDerivative(x), out[2], 1e-9 * Math.abs(f.secondDerivative(x)) + 1e-300, f + " at " + x);
            }
        }
    }
}

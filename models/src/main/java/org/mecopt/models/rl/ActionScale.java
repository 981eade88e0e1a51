package org.mecopt.models.rl;

import org.mecopt.env.Box;

/**
 * Maps a normalized action in {@code [-1, 1]^d} (a tanh actor's output) affinely onto a bounded
 * action box, {@code low + (a + 1)/2 · (high − low)}, clipped into the box so float rounding never
 * produces an action the environment refuses.
 */
public record ActionScale(Box box) {

    public ActionScale {
        for (int i = 0; i < box.dimension(); i++) {
            if (!Double.isFinite(box.low(i)) || !Double.isFinite(box.high(i))) {
                throw new IllegalArgumentException("action space " + box + " must be bounded: coordinate " + i
                        + " is [" + box.low(i) + ", " + box.high(i) + "]");
            }
        }
    }

    public int dimension() {
        return box.dimension();
    }

    /** The environment's action for the normalized {@code a}. */
    public double[] toBox(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = box.low(i) + (a[i] + 1) / 2 * (box.high(i) - box.low(i));
        }
        return box.clip(out);
    }
}

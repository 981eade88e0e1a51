package org.mecopt.env;

import org.apache.commons.rng.UniformRandomProvider;

/** The actions {@code {0, …, n-1}} (Gymnasium's {@code Discrete} with start 0). */
public record Discrete(int n) implements Space<Integer> {

    public Discrete {
        if (n < 1) {
            throw new IllegalArgumentException("n = " + n + " must be >= 1");
        }
    }

    @Override
    public boolean contains(Integer value) {
        return value != null && value >= 0 && value < n;
    }

    @Override
    public Integer sample(UniformRandomProvider rng) {
        return rng.nextInt(n);
    }

    /** A uniformly drawn allowed action; {@code mask == null} allows every action. */
    public int sample(UniformRandomProvider rng, boolean[] mask) {
        if (mask == null) {
            return rng.nextInt(n);
        }
        int allowed = 0;
        for (boolean b : mask) {
            allowed += b ? 1 : 0;
        }
        if (allowed == 0) {
            throw new IllegalStateException("the action mask allows no action");
        }
        int k = rng.nextInt(allowed);
        for (int a = 0; a < n; a++) {
            if (mask[a] && k-- == 0) {
                return a;
            }
        }
        throw new AssertionError("unreachable");
    }
}

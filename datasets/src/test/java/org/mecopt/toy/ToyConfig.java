package org.mecopt.toy;

import org.mecopt.api.Check;

/**
 * How toy instances are drawn: {@code size} targets uniform in {@code [-1, 2]}, clamped to {@code [0, cap]}.
 *
 * @param size the number of variables
 * @param cap the upper end of every variable's box
 */
public record ToyConfig(int size, double cap) {
    public static final ToyConfig DEFAULT = new ToyConfig(3, 1.0);

    public ToyConfig {
        Check.atLeast("size", size, 1);
        Check.positive("cap", cap);
    }
}

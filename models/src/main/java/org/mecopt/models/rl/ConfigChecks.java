package org.mecopt.models.rl;

import java.util.List;

/**
 * The checks every learner's settings record runs in its constructor, with one wording: the message
 * starts with the setting's name and value ({@code "tau = 2.0 must be in (0, 1]"}), which the CLI
 * maps back to the option that set it.
 */
public final class ConfigChecks {

    private ConfigChecks() {
    }

    public static void atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " = " + value + " must be >= " + min);
        }
    }

    /** A learning rate, temperature or other scale: {@code > 0} and finite. */
    public static void positiveFinite(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " must be > 0 and finite");
        }
    }

    /** A probability or discount in {@code [0, 1]} (NaN refused). */
    public static void unitInterval(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " = " + value + " must be in [0, 1]");
        }
    }

    /** Hidden-layer widths: at least one, each {@code >= 1}; returns an immutable copy. */
    public static List<Integer> widths(String name, List<Integer> widths) {
        if (widths == null || widths.isEmpty() || widths.stream().anyMatch(h -> h == null || h < 1)) {
            throw new IllegalArgumentException(name + " = " + widths + " must list at least one width, each >= 1");
        }
        return List.copyOf(widths);
    }
}

package org.mecopt.api;

/**
 * Field validation for instance records. Each method throws {@link InvalidInstanceException}
 * naming the field and the value, so every problem reports bad input the same way.
 */
public final class Check {
    private Check() {
    }

    /** Requires {@code value > 0} and finite. */
    public static double positive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new InvalidInstanceException(field, value, "must be > 0 and finite");
        }
        return value;
    }

    /** Requires {@code value >= 0} and finite. */
    public static double nonNegative(String field, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new InvalidInstanceException(field, value, "must be >= 0 and finite");
        }
        return value;
    }

    /** Requires {@code value >= min}. */
    public static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw new InvalidInstanceException(field, value, "must be >= " + min);
        }
        return value;
    }

    /**
     * An unmodifiable copy of {@code list}, after requiring the list and each of its elements to be
     * present ({@code devices[0] = null is required}); {@link java.util.List#copyOf} alone would throw a
     * bare NullPointerException naming nothing.
     */
    public static <T> java.util.List<T> elements(String field, java.util.List<T> list) {
        present(field, list);
        for (int i = 0; i < list.size(); i++) {
            present(field + "[" + i + "]", list.get(i));
        }
        return java.util.List.copyOf(list);
    }

    /** Requires a non-null value. */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidInstanceException(field, null, "is required");
        }
        return value;
    }

    /** Requires {@code min <= max} for a pair of range fields. */
    public static void ordered(String minField, double min, String maxField, double max) {
        if (!(min <= max)) {
            throw new InvalidInstanceException(minField, min, "must be <= " + maxField + " = " + max);
        }
    }
}

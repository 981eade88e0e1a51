package org.mecopt.api;

/**
 * A closed interval {@code [min, max]} that a field of an instance must lie in. Families keep their
 * ranges as constants in one class each ({@code OffloadingRanges}, {@code LatencyRanges},
 * {@code QoeRanges}), chosen physically generous yet narrow enough that a model's arithmetic on any
 * values inside cannot overflow or underflow; the Javadoc there gives each range's reason.
 *
 * @param min the least allowed value
 * @param max the greatest allowed value
 */
public record Range(double min, double max) {

    public Range {
        if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("not a finite range: [" + min + ", " + max + "]");
        }
    }

    /** Whether {@code min <= value <= max} (false for NaN). */
    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    /**
     * Returns {@code value} when it lies in this range.
     *
     * @throws InvalidInstanceException otherwise, e.g. {@code servers[0].cpuHz = 1.8E308 is outside [1e3, 1e15]}
     */
    public double check(String field, double value) {
        if (!contains(value)) {
            throw new InvalidInstanceException(field, value, "is outside " + this);
        }
        return value;
    }

    /** {@code [1, 1e15]}: powers of ten as such, other bounds as Java prints them. */
    @Override
    public String toString() {
        return "[" + format(min) + ", " + format(max) + "]";
    }

    private static String format(double v) {
        if (v == 0) {
            return "0";
        }
        int exponent = (int) Math.round(Math.log10(Math.abs(v)));
        if (Double.parseDouble("1e" + exponent) == Math.abs(v)) {
            String magnitude = exponent >= 0 && exponent <= 3 ? Long.toString((long) Math.abs(v)) : "1e" + exponent;
            return (v < 0 ? "-" : "") + magnitude;
        }
        return Double.toString(v);
    }
}

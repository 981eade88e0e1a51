package org.mecopt.api;

/**
 * An instance, solution or option that breaks a rule of the model. The message names the field
 * and the offending value, e.g. {@code devices[3].cycles = -5.0 must be > 0}.
 */
public class InvalidInstanceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInstanceException(String field, Object value, String rule) {
        super(field + " = " + format(value) + " " + rule);
        this.field = field;
    }

    /** The path of the field that failed, e.g. {@code devices[3].cycles}. */
    public String field() {
        return field;
    }

    private static String format(Object value) {
        return value instanceof double[] d ? java.util.Arrays.toString(d) : String.valueOf(value);
    }
}

package org.mecopt.api;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One solver-specific parameter, as a solver declares it in {@link Solver#parameters()}: its name
 * (the key in {@link SolverOptions#parameters()}), type, default, allowed values and one line of
 * help. The solve template parses every given parameter before the search starts, so a typo such as
 * {@code start=equal_power} fails with the allowed values instead of silently running the default.
 *
 * @param name the key, e.g. {@code start}
 * @param type {@code Integer}, {@code Double} or {@code String}
 * @param defaultValue the value used when the parameter is not given; null when there is none
 *     (the parameter is then optional with a documented behaviour, or required by the solver)
 * @param allowed the allowed values or range as text for help (e.g. {@code auto, equal-power} or
 *     {@code [0, 2147483647]}); empty when any text is allowed
 * @param description one line of help
 * @param parser text to value; throws {@link InvalidInstanceException} naming {@code parameter NAME}
 * @param <T> the value type
 */
public record SolverParameter<T>(String name, Class<T> type, T defaultValue, String allowed, String description,
                                 Function<String, T> parser) {

    public SolverParameter {
        Check.present("name", name);
        Check.present("type", type);
        Check.present("parser", parser);
        allowed = allowed == null ? "" : allowed;
        description = description == null ? "" : description;
    }

    /** An integer in {@code [min, max]}. */
    public static SolverParameter<Integer> integer(String name, Integer defaultValue, int min, int max,
                                                   String description) {
        String range = "[" + min + ", " + max + "]";
        return new SolverParameter<>(name, Integer.class, defaultValue, range, description, text -> {
            int v;
            try {
                v = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw invalid(name, text, "must be an integer in " + range);
            }
            if (v < min || v > max) {
                throw invalid(name, text, "must be an integer in " + range);
            }
            return v;
        });
    }

    /** A finite number in {@code [min, max]} ({@code exclusive} makes both ends open). */
    public static SolverParameter<Double> real(String name, Double defaultValue, double min, double max,
                                               boolean exclusive, String description) {
        String range = (exclusive ? "(" : "[") + format(min) + ", " + format(max) + (exclusive ? ")" : "]");
        return new SolverParameter<>(name, Double.class, defaultValue, range, description, text -> {
            double v;
            try {
                v = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw invalid(name, text, "must be a number in " + range);
            }
            boolean inside = exclusive ? v > min && v < max : v >= min && v <= max;
            if (!inside || !Double.isFinite(v)) {
                throw invalid(name, text, "must be a number in " + range);
            }
            return v;
        });
    }

    /** One of {@code allowed} (compared exactly). */
    public static SolverParameter<String> choice(String name, String defaultValue, List<String> allowed,
                                                 String description) {
        List<String> values = List.copyOf(allowed);
        return new SolverParameter<>(name, String.class, defaultValue, String.join(", ", values), description,
                text -> {
                    String t = text.trim();
                    if (!values.contains(t)) {
                        throw invalid(name, text, "must be one of " + values);
                    }
                    return t;
                });
    }

    /** Free text with no default, e.g. a model directory or an assignment list the solver checks itself. */
    public static SolverParameter<String> text(String name, String description) {
        return new SolverParameter<>(name, String.class, null, "", description, text -> text);
    }

    /**
     * Parses {@code text}.
     *
     * @throws InvalidInstanceException whose field is {@code parameter NAME} and whose message
     *     holds the value and what is allowed
     */
    public T parse(String text) {
        if (text == null) {
            throw invalid(name, null, "needs a value");
        }
        return parser.apply(text);
    }

    /** The type as users read it: integer, number or text. */
    public String typeName() {
        return type == Integer.class ? "integer" : type == Double.class ? "number" : allowed.isEmpty() ? "text" : "choice";
    }

    /** The default as text, or {@code none}. */
    public String defaultText() {
        return defaultValue == null ? "none" : defaultValue instanceof Double d ? format(d) : defaultValue.toString();
    }

    /** The field of every error about parameter {@code name}. */
    public static String field(String name) {
        return "parameter " + name;
    }

    private static InvalidInstanceException invalid(String name, String text, String rule) {
        return new InvalidInstanceException(field(name), text, rule);
    }

    private static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e7) {
            return String.valueOf((long) d);
        }
        return Double.toString(d).replace("E", "e").toLowerCase(Locale.ROOT);
    }
}

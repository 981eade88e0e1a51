package org.mecopt.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One generator option of a {@link ProblemFamily}: its command-line name (without dashes), one line
 * of help, how to read it from a configuration (which also gives its default) and how to parse it.
 * The CLI and the Spark job build their options from these, so a family declares its options once.
 *
 * @param name the option's name, e.g. {@code max-tasks} for {@code --max-tasks}
 * @param description one line of help
 * @param type the value's type: {@code Integer}, {@code Long}, {@code Double}, {@code Boolean} or {@code String}
 * @param get the option's value in a configuration (the default is its value in the family's default)
 * @param parse text to value; throws {@link InvalidInstanceException} naming the option
 * @param flag whether the option takes no value on the command line (a boolean that is true when given)
 * @param <C> the configuration type
 * @param <T> the value type
 */
public record ConfigOption<C, T>(String name, String description, Class<T> type, Function<C, T> get,
                                 Function<String, T> parse, boolean flag) {

    public ConfigOption {
        Check.present("name", name);
        if (name.startsWith("-") || name.isBlank()) {
            throw new InvalidInstanceException("name", name, "must be the option name without dashes");
        }
    }

    public static <C> ConfigOption<C, Integer> integer(String name, String description, Function<C, Integer> get) {
        return new ConfigOption<>(name, description, Integer.class, get, text -> {
            try {
                return Integer.valueOf(text.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInstanceException("--" + name, text, "must be an integer");
            }
        }, false);
    }

    public static <C> ConfigOption<C, Double> real(String name, String description, Function<C, Double> get) {
        return new ConfigOption<>(name, description, Double.class, get, text -> {
            try {
                return Double.valueOf(text.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInstanceException("--" + name, text, "must be a number");
            }
        }, false);
    }

    /** A boolean option that is false unless given, e.g. {@code --shared-server-cpu}. */
    public static <C> ConfigOption<C, Boolean> flag(String name, String description, Function<C, Boolean> get) {
        return new ConfigOption<>(name, description, Boolean.class, get, text -> {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return Boolean.valueOf(t);
            }
            throw new InvalidInstanceException("--" + name, text, "must be true or false");
        }, true);
    }

    /** A string option limited to {@code allowed}. */
    public static <C> ConfigOption<C, String> choice(String name, String description, List<String> allowed,
                                                     Function<C, String> get) {
        List<String> values = List.copyOf(allowed);
        return new ConfigOption<>(name, description + " One of " + String.join(", ", values) + ".", String.class,
                get, text -> {
                    String t = text.trim();
                    if (!values.contains(t)) {
                        throw new InvalidInstanceException("--" + name, text, "must be one of " + values);
                    }
                    return t;
                }, false);
    }

    /** The option's value in {@code config} as text, e.g. the default shown in help. */
    public String format(C config) {
        T value = get.apply(config);
        if (value instanceof Double d) {
            return formatNumber(d);
        }
        return String.valueOf(value);
    }

    /** Short and exact: {@code 64}, {@code 0.35}, {@code 5e9}, {@code 1e-9} (reads back with {@link Double#valueOf}). */
    private static String formatNumber(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e5) {
            return String.valueOf((long) d);
        }
        if (!Double.isFinite(d)) {
            return String.valueOf(d);
        }
        String plain = java.math.BigDecimal.valueOf(d).stripTrailingZeros().toString();
        return plain.replace("E+", "e").replace("E", "e");
    }

    /**
     * The value of every option of a family: the ones given, parsed, and the default's for the rest.
     *
     * @param <C> the configuration type
     */
    public static final class Values<C> {
        private final Map<String, Object> values;
        private final C base;

        private Values(Map<String, Object> values, C base) {
            this.values = values;
            this.base = base;
        }

        /**
         * The configuration the options were given over (the family's default, or e.g. a Spark job's
         * {@code --config}): where a family keeps what no option sets.
         */
        public C base() {
            return base;
        }

        /**
         * The values for {@code given} (option name to text) over {@code defaults}, the configuration
         * whose values the options not given keep.
         *
         * @throws InvalidInstanceException naming an unknown option or a value that does not parse
         */
        public static <C> Values<C> of(List<ConfigOption<C, ?>> options, C defaults, Map<String, String> given) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (ConfigOption<C, ?> o : options) {
                String text = given.get(o.name());
                values.put(o.name(), text == null ? o.get().apply(defaults) : o.parse().apply(text));
            }
            for (String name : given.keySet()) {
                if (!values.containsKey(name)) {
                    throw new InvalidInstanceException("--" + name, given.get(name), "is not an option; known: "
                            + options.stream().map(o -> "--" + o.name()).toList());
                }
            }
            return new Values<>(values, defaults);
        }

        /** The option's value. */
        public <T> T get(ConfigOption<C, T> option) {
            Object v = values.get(option.name());
            if (v == null && !values.containsKey(option.name())) {
                throw new IllegalArgumentException("option --" + option.name() + " is not one of this family's");
            }
            return option.type().cast(v);
        }
    }
}

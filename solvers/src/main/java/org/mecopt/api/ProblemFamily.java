package org.mecopt.api;

import java.util.List;
import java.util.Map;

/**
 * A problem family as one plug-in: its name, instance and solution types, a typed generator
 * configuration with defaults and the options derived from it, seeded generation, and the tensor
 * codec that datasets write and learned models read. Families are found with {@link java.util.ServiceLoader}
 * through {@link ProblemFamilies} (each is listed in {@code META-INF/services/org.mecopt.api.ProblemFamily}),
 * so the dataset generator, the CLI's {@code instance}/{@code generate} commands and the Spark job
 * loop over the registered families and never name one.
 *
 * <p>Instance JSON is the instance record's fields plus {@code "problem"} ({@code org.mecopt.io.Json});
 * a family needs to write nothing for it.
 *
 * @param <P> the instance type
 * @param <S> its solution type
 * @param <C> the generator configuration, a record serialized as-is into dataset manifests
 */
public interface ProblemFamily<P extends Problem<S>, S, C extends Record> {

    /** The family's name, e.g. {@code offloading}; the {@code "problem"} of its JSON. */
    String name();

    /** One line for help texts: what the problem is and where it comes from. */
    String description();

    Class<P> instanceType();

    Class<S> solutionType();

    Class<C> configType();

    /** The generator configuration used when no option is given (the source paper's setting). */
    C defaultConfig();

    /**
     * The generator's command-line options, in help order: {@code instance NAME} and
     * {@code generate NAME} offer exactly these, and the Spark job accepts them.
     */
    List<ConfigOption<C, ?>> options();

    /**
     * The configuration for option values; {@code values} holds every option of {@link #options()},
     * the default's value where none was given. Validation errors name the option's field.
     */
    C config(ConfigOption.Values<C> values);

    /**
     * The configuration for option values given as text by name (without dashes), the default's
     * value for the others: what {@code instance NAME --users 6} and the Spark job's arguments become.
     *
     * @throws InvalidInstanceException naming an unknown option, a value that does not parse, or an
     *     invalid configuration
     */
    default C config(Map<String, String> given) {
        return config(ConfigOption.Values.of(options(), defaultConfig(), given));
    }

    /** A seeded random instance: the same configuration and seed give the same instance on any machine. */
    P generate(C config, long seed);

    /** The solver used for labels when none is named (the family's best classical solver). */
    String defaultSolver();

    /** How instances and solutions become named tensors and back. */
    TensorCodec<P, S> codec();

    /** Convenience: the features of {@code instance} by name, in column order. */
    default Map<String, Tensor> features(P instance) {
        return codec().features(instance);
    }
}

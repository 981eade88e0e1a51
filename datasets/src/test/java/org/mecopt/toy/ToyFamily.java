package org.mecopt.toy;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.api.ConfigOption;
import org.mecopt.api.ProblemFamily;
import org.mecopt.api.TensorCodec;

/**
 * A problem family that lives on the test classpath only (registered by this module's test
 * {@code META-INF/services}): the proof that a family plugs into datasets and the CLI without
 * either naming it.
 */
public final class ToyFamily implements ProblemFamily<ToyInstance, ToySolution, ToyConfig> {
    public static final String NAME = "toy";

    static final ConfigOption<ToyConfig, Integer> SIZE =
            ConfigOption.integer("size", "Number of variables.", ToyConfig::size);
    static final ConfigOption<ToyConfig, Double> CAP =
            ConfigOption.real("cap", "Upper end of every variable's box.", ToyConfig::cap);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Nearest point of a box (a test fixture).";
    }

    @Override
    public Class<ToyInstance> instanceType() {
        return ToyInstance.class;
    }

    @Override
    public Class<ToySolution> solutionType() {
        return ToySolution.class;
    }

    @Override
    public Class<ToyConfig> configType() {
        return ToyConfig.class;
    }

    @Override
    public ToyConfig defaultConfig() {
        return ToyConfig.DEFAULT;
    }

    @Override
    public List<ConfigOption<ToyConfig, ?>> options() {
        return List.of(SIZE, CAP);
    }

    @Override
    public ToyConfig config(ConfigOption.Values<ToyConfig> values) {
        return new ToyConfig(values.get(SIZE), values.get(CAP));
    }

    @Override
    public ToyInstance generate(ToyConfig config, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] target = new double[config.size()];
        for (int i = 0; i < target.length; i++) {
            target[i] = -1 + 3 * rng.nextDouble();
        }
        return new ToyInstance(target, config.cap());
    }

    @Override
    public String defaultSolver() {
        return "clamp";
    }

    @Override
    public TensorCodec<ToyInstance, ToySolution> codec() {
        return new ToyCodec();
    }
}

package org.mecopt.qoe;

import java.util.List;
import org.mecopt.api.ConfigOption;
import org.mecopt.api.ProblemFamily;
import org.mecopt.api.TensorCodec;
import org.mecopt.qoe.QoeGenerator.Config;

/** Seed 003's single-server QoE allocation as a plug-in; its options are the generator's configuration. */
public final class QoeFamily implements ProblemFamily<QoeInstance, QoeSolution, Config> {

    static final ConfigOption<Config, Integer> USERS =
            ConfigOption.integer("users", "Number of users.", Config::users);
    static final ConfigOption<Config, Double> CAPACITY =
            ConfigOption.real("capacity-hz", "Server capacity in Hz.", Config::capacityHz);
    static final ConfigOption<Config, Double> MIDPOINT_MEAN = ConfigOption.real("midpoint-mean-s",
            "Mean of the QoE midpoint beta in s (seed 003 Fig. 9).", c -> c.distributions().midpointMeanS());

    private static final List<ConfigOption<Config, ?>> OPTIONS = List.of(USERS, CAPACITY, MIDPOINT_MEAN);

    private static final QoeCodec CODEC = new QoeCodec();

    @Override
    public String name() {
        return "qoe";
    }

    @Override
    public String description() {
        return "QoE-maximizing CPU split on one edge server (seed 003); users follow Table III.";
    }

    @Override
    public Class<QoeInstance> instanceType() {
        return QoeInstance.class;
    }

    @Override
    public Class<QoeSolution> solutionType() {
        return QoeSolution.class;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config defaultConfig() {
        return Config.DEFAULT;
    }

    @Override
    public List<ConfigOption<Config, ?>> options() {
        return OPTIONS;
    }

    /** Only the midpoint mean of the user distributions is an option; the rest stay those of the base (Table III by default). */
    @Override
    public Config config(ConfigOption.Values<Config> v) {
        return new Config(v.get(USERS), v.get(CAPACITY),
                v.base().distributions().withMidpointMeanS(v.get(MIDPOINT_MEAN)));
    }

    @Override
    public QoeInstance generate(Config config, long seed) {
        return QoeGenerator.generate(config, seed);
    }

    @Override
    public String defaultSolver() {
        return "sigmoidal";
    }

    @Override
    public TensorCodec<QoeInstance, QoeSolution> codec() {
        return CODEC;
    }
}

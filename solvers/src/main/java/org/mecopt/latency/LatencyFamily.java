package org.mecopt.latency;

import java.util.Arrays;
import java.util.List;
import org.mecopt.api.ConfigOption;
import org.mecopt.api.ProblemFamily;
import org.mecopt.api.TensorCodec;
import org.mecopt.channel.ChannelModel;
import org.mecopt.latency.LatencyGenerator.Config;

/** Seed 001's min-max latency over cell-free massive MIMO as a plug-in; its options are the generator's configuration. */
public final class LatencyFamily implements ProblemFamily<LatencyInstance, LatencySolution, Config> {

    static final ConfigOption<Config, String> CHANNEL = ConfigOption.choice("channel", "Network architecture.",
            Arrays.stream(ChannelModel.values()).map(ChannelModel::label).toList(), c -> c.channel().label());
    static final ConfigOption<Config, Integer> USERS = ConfigOption.integer("users", "Users K.", Config::users);
    static final ConfigOption<Config, Integer> APS =
            ConfigOption.integer("aps", "APs M, or BS antennas for bs-mmimo.", Config::aps);
    static final ConfigOption<Config, Integer> ANTENNAS_PER_AP =
            ConfigOption.integer("antennas-per-ap", "Antennas per AP, cell-free.", Config::antennasPerAp);
    static final ConfigOption<Config, Integer> SUBCARRIERS =
            ConfigOption.integer("subcarriers", "Subcarriers N.", Config::subcarriers);
    static final ConfigOption<Config, Double> BANDWIDTH =
            ConfigOption.real("bandwidth-hz", "Total bandwidth W, split into N subcarriers.", Config::bandwidthHz);
    static final ConfigOption<Config, Double> RADIUS = ConfigOption.real("radius-m", "Disk radius.", Config::radiusM);
    static final ConfigOption<Config, Double> POWER_DBM =
            ConfigOption.real("power-dbm", "User power budget.", Config::pMaxDbm);
    static final ConfigOption<Config, Double> NOISE_FIGURE =
            ConfigOption.real("noise-figure-db", "Receiver noise figure.", Config::noiseFigureDb);
    static final ConfigOption<Config, Double> TASK_BITS =
            ConfigOption.real("task-bits", "Task size Z.", Config::taskBits);
    static final ConfigOption<Config, Double> CYCLES_PER_BIT =
            ConfigOption.real("cycles-per-bit", "Processing density C.", Config::cyclesPerBit);
    static final ConfigOption<Config, Double> USER_CPU =
            ConfigOption.real("user-cpu-hz", "Local CPU f_k.", Config::userCpuHz);
    static final ConfigOption<Config, Double> SERVER_CPU =
            ConfigOption.real("server-cpu-hz", "MEC server CPU f_ser.", Config::serverCpuHz);
    static final ConfigOption<Config, Boolean> NO_LOCAL_COMPUTING = ConfigOption.flag("no-local-computing",
            "Force full offloading (seed 001's \"CF-mMIMO w/o local comp.\").", c -> !c.localComputing());
    static final ConfigOption<Config, Boolean> SHARED_SERVER_CPU = ConfigOption.flag("shared-server-cpu",
            "Split f_ser evenly among the users (default: each offloading user gets all of it, as in seed 001).",
            Config::sharedServerCpu);

    private static final List<ConfigOption<Config, ?>> OPTIONS = List.of(CHANNEL, USERS, APS, ANTENNAS_PER_AP,
            SUBCARRIERS, BANDWIDTH, RADIUS, POWER_DBM, NOISE_FIGURE, TASK_BITS, CYCLES_PER_BIT, USER_CPU, SERVER_CPU,
            NO_LOCAL_COMPUTING, SHARED_SERVER_CPU);

    private static final LatencyCodec CODEC = new LatencyCodec();

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public String description() {
        return "Min-max latency in MEC-enabled cell-free massive MIMO (seed 001); defaults are the paper's setting.";
    }

    @Override
    public Class<LatencyInstance> instanceType() {
        return LatencyInstance.class;
    }

    @Override
    public Class<LatencySolution> solutionType() {
        return LatencySolution.class;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config defaultConfig() {
        return Config.PAPER;
    }

    @Override
    public List<ConfigOption<Config, ?>> options() {
        return OPTIONS;
    }

    @Override
    public Config config(ConfigOption.Values<Config> v) {
        return new Config(ChannelModel.parse(v.get(CHANNEL)), v.get(USERS), v.get(APS), v.get(ANTENNAS_PER_AP),
                v.get(SUBCARRIERS), v.get(BANDWIDTH), v.get(RADIUS), v.get(POWER_DBM), v.get(NOISE_FIGURE),
                v.get(TASK_BITS), v.get(CYCLES_PER_BIT), v.get(USER_CPU), v.get(SERVER_CPU),
                !v.get(NO_LOCAL_COMPUTING), v.get(SHARED_SERVER_CPU));
    }

    @Override
    public LatencyInstance generate(Config config, long seed) {
        return LatencyGenerator.generate(config, seed);
    }

    @Override
    public String defaultSolver() {
        return "ica";
    }

    @Override
    public TensorCodec<LatencyInstance, LatencySolution> codec() {
        return CODEC;
    }
}

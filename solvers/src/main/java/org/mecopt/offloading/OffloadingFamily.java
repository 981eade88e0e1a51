package org.mecopt.offloading;

import java.util.List;
import org.mecopt.api.ConfigOption;
import org.mecopt.api.ProblemFamily;
import org.mecopt.api.TensorCodec;
import org.mecopt.offloading.OffloadingGenerator.Config;

/** Seed 004's multi-server full offloading as a plug-in; its options are the generator's configuration. */
public final class OffloadingFamily implements ProblemFamily<OffloadingInstance, OffloadingSolution, Config> {

    static final ConfigOption<Config, Integer> DEVICES =
            ConfigOption.integer("devices", "Number of devices M.", Config::devices);
    static final ConfigOption<Config, Integer> SERVERS =
            ConfigOption.integer("servers", "Number of servers N.", Config::servers);
    static final ConfigOption<Config, Integer> MAX_TASKS =
            ConfigOption.integer("max-tasks", "Tasks per server Mmax.", Config::maxTasks);
    static final ConfigOption<Config, Double> CPU_MIN =
            ConfigOption.real("cpu-min-hz", "Server CPU range, lower end.", Config::cpuMinHz);
    static final ConfigOption<Config, Double> CPU_MAX =
            ConfigOption.real("cpu-max-hz", "Server CPU range, upper end.", Config::cpuMaxHz);
    static final ConfigOption<Config, Double> BITS_MIN =
            ConfigOption.real("input-bits-min", "Task input range in bits, lower end.", Config::inputBitsMin);
    static final ConfigOption<Config, Double> BITS_MAX =
            ConfigOption.real("input-bits-max", "Task input range in bits, upper end.", Config::inputBitsMax);
    static final ConfigOption<Config, Double> CYCLES_MIN =
            ConfigOption.real("cycles-min", "Task workload range in cycles, lower end.", Config::cyclesMin);
    static final ConfigOption<Config, Double> CYCLES_MAX =
            ConfigOption.real("cycles-max", "Task workload range in cycles, upper end.", Config::cyclesMax);
    static final ConfigOption<Config, Double> KAPPA_MIN = ConfigOption.real("cycles-per-bit-min",
            "When > 0, workload = kappa * input bits with kappa in this range, instead of the cycles range.",
            Config::cyclesPerBitMin);
    static final ConfigOption<Config, Double> KAPPA_MAX =
            ConfigOption.real("cycles-per-bit-max", "Upper end of the kappa range.", Config::cyclesPerBitMax);
    static final ConfigOption<Config, Double> TX_POWER =
            ConfigOption.real("tx-power-w", "Transmit power in W.", Config::txPowerW);
    static final ConfigOption<Config, Double> BANDWIDTH =
            ConfigOption.real("bandwidth-hz", "Uplink bandwidth in Hz.", Config::bandwidthHz);
    static final ConfigOption<Config, Double> NOISE =
            ConfigOption.real("noise-w", "Noise power in W.", Config::noiseW);
    static final ConfigOption<Config, Double> GAIN_MIN =
            ConfigOption.real("gain-min", "Channel gain range, lower end.", Config::gainMin);
    static final ConfigOption<Config, Double> GAIN_MAX =
            ConfigOption.real("gain-max", "Channel gain range, upper end.", Config::gainMax);

    private static final List<ConfigOption<Config, ?>> OPTIONS = List.of(DEVICES, SERVERS, MAX_TASKS, CPU_MIN,
            CPU_MAX, BITS_MIN, BITS_MAX, CYCLES_MIN, CYCLES_MAX, KAPPA_MIN, KAPPA_MAX, TX_POWER, BANDWIDTH, NOISE,
            GAIN_MIN, GAIN_MAX);

    private static final OffloadingCodec CODEC = new OffloadingCodec();

    @Override
    public String name() {
        return "offloading";
    }

    @Override
    public String description() {
        return "Multi-server full offloading (seed 004); defaults are the paper's setting.";
    }

    @Override
    public Class<OffloadingInstance> instanceType() {
        return OffloadingInstance.class;
    }

    @Override
    public Class<OffloadingSolution> solutionType() {
        return OffloadingSolution.class;
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
        return new Config(v.get(DEVICES), v.get(SERVERS), v.get(MAX_TASKS), v.get(BITS_MIN), v.get(BITS_MAX),
                v.get(CYCLES_MIN), v.get(CYCLES_MAX), v.get(KAPPA_MIN), v.get(KAPPA_MAX), v.get(TX_POWER),
                v.get(BANDWIDTH), v.get(NOISE), v.get(GAIN_MIN), v.get(GAIN_MAX), v.get(CPU_MIN), v.get(CPU_MAX));
    }

    @Override
    public OffloadingInstance generate(Config config, long seed) {
        return OffloadingGenerator.generate(config, seed);
    }

    @Override
    public String defaultSolver() {
        return "exact";
    }

    @Override
    public TensorCodec<OffloadingInstance, OffloadingSolution> codec() {
        return CODEC;
    }
}

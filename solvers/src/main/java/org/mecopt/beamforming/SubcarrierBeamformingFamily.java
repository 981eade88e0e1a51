package org.mecopt.beamforming;

import java.util.List;
import org.mecopt.api.ConfigOption;
import org.mecopt.api.ProblemFamily;
import org.mecopt.api.TensorCodec;
import org.mecopt.beamforming.BeamformingGenerator.Config;

/**
 * Seed 002's joint subcarrier allocation and beamforming as a plug-in ({@code subcarrier-beamforming},
 * MODEL.md §5, our reconstruction); its options are the generator's configuration.
 */
public final class SubcarrierBeamformingFamily
        implements ProblemFamily<BeamformingInstance, BeamformingSolution, Config> {

    static final ConfigOption<Config, Integer> STATIONS =
            ConfigOption.integer("stations", "Number of base stations B.", Config::stations);
    static final ConfigOption<Config, Integer> ANTENNAS =
            ConfigOption.integer("antennas", "Antennas M per station.", Config::antennas);
    static final ConfigOption<Config, Integer> USERS =
            ConfigOption.integer("users", "Number of single-antenna users I.", Config::users);
    static final ConfigOption<Config, Integer> SUBCARRIERS =
            ConfigOption.integer("subcarriers", "Number of subcarriers N.", Config::subcarriers);
    static final ConfigOption<Config, Double> MAX_POWER =
            ConfigOption.real("max-power-w", "Each station's power limit in W.", Config::maxPowerW);
    static final ConfigOption<Config, Double> AREA =
            ConfigOption.real("area-m", "Side of the square area in m.", Config::areaM);
    static final ConfigOption<Config, Double> MIN_RATE = ConfigOption.real("min-rate-bits-per-hz",
            "Minimum rate of each user in bit/s/Hz of the band shared by I users (r_min = this * W_sc * N / I).",
            Config::minRateBitsPerHz);
    static final ConfigOption<Config, Integer> MAX_USERS = ConfigOption.integer("max-users-per-subcarrier",
            "Q, users scheduled per subcarrier at most; 0 for min(I, B*M).", Config::maxUsersPerSubcarrier);

    private static final List<ConfigOption<Config, ?>> OPTIONS =
            List.of(STATIONS, ANTENNAS, USERS, SUBCARRIERS, MAX_POWER, AREA, MIN_RATE, MAX_USERS);

    private static final BeamformingCodec CODEC = new BeamformingCodec();

    @Override
    public String name() {
        return BeamformingInstance.PROBLEM;
    }

    @Override
    public String description() {
        return "Weighted-sum-rate subcarrier allocation and coordinated beamforming (seed 002, our reconstruction;"
                + " 38.901 UMa).";
    }

    @Override
    public Class<BeamformingInstance> instanceType() {
        return BeamformingInstance.class;
    }

    @Override
    public Class<BeamformingSolution> solutionType() {
        return BeamformingSolution.class;
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

    /** Bandwidth, carrier and noise figure are not options; they stay those of the base (the defaults). */
    @Override
    public Config config(ConfigOption.Values<Config> v) {
        Config base = v.base();
        return new Config(v.get(STATIONS), v.get(ANTENNAS), v.get(USERS), v.get(SUBCARRIERS), v.get(MAX_POWER),
                v.get(AREA), base.subcarrierBandwidthHz(), base.carrierGHz(), base.noiseFigureDb(), v.get(MIN_RATE),
                v.get(MAX_USERS));
    }

    @Override
    public BeamformingInstance generate(Config config, long seed) {
        return BeamformingGenerator.generate(config, seed);
    }

    @Override
    public String defaultSolver() {
        return "wmmse";
    }

    @Override
    public TensorCodec<BeamformingInstance, BeamformingSolution> codec() {
        return CODEC;
    }
}

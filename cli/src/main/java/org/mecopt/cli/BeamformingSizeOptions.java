package org.mecopt.cli;

import picocli.CommandLine.Option;

/**
 * The system-size options that every command training {@code subcarrier-beamforming} learners
 * takes besides the number of stations (whose default differs between them): a picocli mixin.
 */
public final class BeamformingSizeOptions {
    @Option(names = "--antennas", defaultValue = "4", description = "M per station. Default: ${DEFAULT-VALUE}.")
    public int antennas;

    @Option(names = "--users", defaultValue = "8", description = "I. Default: ${DEFAULT-VALUE}.")
    public int users;

    @Option(names = "--subcarriers", defaultValue = "8", description = "N. Default: ${DEFAULT-VALUE}.")
    public int subcarriers;

    @Option(names = "--max-power-w", defaultValue = "1.0", description = "Every station's power limit, W. Default: ${DEFAULT-VALUE}.")
    public double maxPowerW;
}

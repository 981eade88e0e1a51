package org.mecopt.cli;

import org.mecopt.qoe.QoeGenerator;
import org.mecopt.qoe.UserDistributions;
import picocli.CommandLine.Option;

/** The qoe generator's options, shared by {@code instance qoe} and {@code generate qoe}. */
final class QoeGeneratorOptions {

    @Option(names = "--users", defaultValue = "20", description = "Number of users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--capacity-hz", defaultValue = "100e9", description = "Server capacity in Hz (default ${DEFAULT-VALUE}).")
    double capacityHz;

    @Option(names = "--midpoint-mean-s", defaultValue = "0.350",
            description = "Mean of the QoE midpoint beta in s (seed 003 Fig. 9; default ${DEFAULT-VALUE}).")
    double midpointMean;

    QoeGenerator.Config config() {
        return new QoeGenerator.Config(users, capacityHz, UserDistributions.SEED_003.withMidpointMeanS(midpointMean));
    }
}

package org.mecopt.cli;

import java.util.concurrent.Callable;
import org.mecopt.qoe.QoeGenerator;
import org.mecopt.qoe.UserDistributions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "qoe", mixinStandardHelpOptions = true, sortOptions = false,
        description = "QoE-maximizing CPU split on one edge server (seed 003); users follow Table III.")
final class QoeInstanceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InstanceOutput output;

    @Option(names = "--users", defaultValue = "20", description = "Number of users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--capacity-hz", defaultValue = "100e9", description = "Server capacity in Hz (default ${DEFAULT-VALUE}).")
    double capacityHz;

    @Option(names = "--midpoint-mean-s", defaultValue = "0.350",
            description = "Mean of the QoE midpoint beta in s (seed 003 Fig. 9; default ${DEFAULT-VALUE}).")
    double midpointMean;

    @Override
    public Integer call() throws Exception {
        QoeGenerator.Config config = new QoeGenerator.Config(users, capacityHz,
                UserDistributions.SEED_003.withMidpointMeanS(midpointMean));
        output.write(QoeGenerator.generate(config, output.seed), spec);
        return 0;
    }
}

package org.mecopt.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mecopt.io.Json;
import org.mecopt.offloading.OffloadingGenerator;
import org.mecopt.offloading.OffloadingGenerator.Config;
import org.mecopt.qoe.QoeGenerator;
import org.mecopt.qoe.UserDistributions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "instance", mixinStandardHelpOptions = true,
        description = "Generate a seeded random instance as JSON.",
        subcommands = {InstanceCommand.Offloading.class, InstanceCommand.Qoe.class})
final class InstanceCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "offloading", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Multi-server full offloading (seed 004); defaults are the paper's setting.")
    static final class Offloading implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--seed", required = true, description = "Random seed.")
        long seed;

        @Option(names = "--out", description = "Output file (default: stdout).")
        Path out;

        @Option(names = "--devices", defaultValue = "9", description = "Number of devices M (default ${DEFAULT-VALUE}).")
        int devices;

        @Option(names = "--servers", defaultValue = "3", description = "Number of servers N (default ${DEFAULT-VALUE}).")
        int servers;

        @Option(names = "--max-tasks", defaultValue = "3", description = "Tasks per server Mmax (default ${DEFAULT-VALUE}).")
        int maxTasks;

        @Option(names = "--cpu-min-hz", defaultValue = "5e9", description = "Server CPU range, lower end (default ${DEFAULT-VALUE}).")
        double cpuMin;

        @Option(names = "--cpu-max-hz", defaultValue = "9e9", description = "Server CPU range, upper end (default ${DEFAULT-VALUE}).")
        double cpuMax;

        @Option(names = "--input-bits-min", defaultValue = "200e3", description = "Task input range in bits (default ${DEFAULT-VALUE}).")
        double bitsMin;

        @Option(names = "--input-bits-max", defaultValue = "500e3", description = "(default ${DEFAULT-VALUE})")
        double bitsMax;

        @Option(names = "--cycles-min", defaultValue = "5e8", description = "Task workload range in cycles (default ${DEFAULT-VALUE}).")
        double cyclesMin;

        @Option(names = "--cycles-max", defaultValue = "2e9", description = "(default ${DEFAULT-VALUE})")
        double cyclesMax;

        @Option(names = "--cycles-per-bit-min", defaultValue = "0",
                description = "When > 0, workload = kappa * input bits with kappa in this range, instead of the cycles range.")
        double kappaMin;

        @Option(names = "--cycles-per-bit-max", defaultValue = "0", description = "(default ${DEFAULT-VALUE})")
        double kappaMax;

        @Option(names = "--tx-power-w", defaultValue = "0.1", description = "Transmit power in W (default ${DEFAULT-VALUE}).")
        double txPower;

        @Option(names = "--bandwidth-hz", defaultValue = "1e6", description = "Uplink bandwidth in Hz (default ${DEFAULT-VALUE}).")
        double bandwidth;

        @Option(names = "--noise-w", defaultValue = "1e-9", description = "Noise power in W (default ${DEFAULT-VALUE}).")
        double noise;

        @Option(names = "--gain-min", defaultValue = "0.5", description = "Channel gain range (default ${DEFAULT-VALUE}).")
        double gainMin;

        @Option(names = "--gain-max", defaultValue = "2.0", description = "(default ${DEFAULT-VALUE})")
        double gainMax;

        @Override
        public Integer call() throws Exception {
            Config config = new Config(devices, servers, maxTasks, bitsMin, bitsMax, cyclesMin, cyclesMax, kappaMin,
                    kappaMax, txPower, bandwidth, noise, gainMin, gainMax, cpuMin, cpuMax);
            Output.write(Json.writeInstance(OffloadingGenerator.generate(config, seed)), out, spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "qoe", mixinStandardHelpOptions = true, sortOptions = false,
            description = "QoE-maximizing CPU split on one edge server (seed 003); users follow Table III.")
    static final class Qoe implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--seed", required = true, description = "Random seed.")
        long seed;

        @Option(names = "--out", description = "Output file (default: stdout).")
        Path out;

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
            Output.write(Json.writeInstance(QoeGenerator.generate(config, seed)), out, spec.commandLine().getOut());
            return 0;
        }
    }
}

package org.mecopt.cli;

import org.mecopt.offloading.OffloadingGenerator.Config;
import org.mecopt.offloading.OffloadingGenerator;
import picocli.CommandLine.Option;

/** The offloading generator's options, shared by {@code instance offloading} and {@code generate offloading}. */
final class OffloadingGeneratorOptions {

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

    OffloadingGenerator.Config config() {
        return new OffloadingGenerator.Config(devices, servers, maxTasks, bitsMin, bitsMax, cyclesMin, cyclesMax,
                kappaMin, kappaMax, txPower, bandwidth, noise, gainMin, gainMax, cpuMin, cpuMax);
    }
}

package org.mecopt.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mecopt.channel.ChannelModel;
import org.mecopt.io.Json;
import org.mecopt.latency.LatencyGenerator;
import org.mecopt.offloading.OffloadingGenerator;
import org.mecopt.offloading.OffloadingGenerator.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "instance", mixinStandardHelpOptions = true,
        description = "Generate a seeded random instance as JSON.",
        subcommands = {InstanceCommand.Offloading.class, InstanceCommand.Latency.class})
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

    @Command(name = "latency", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Min-max latency in MEC-enabled cell-free massive MIMO (seed 001); defaults are the paper's setting.")
    static final class Latency implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--seed", required = true, description = "Random seed.")
        long seed;

        @Option(names = "--out", description = "Output file (default: stdout).")
        Path out;

        @Option(names = "--channel", defaultValue = "cellfree", description = "cellfree or bs-mmimo (default ${DEFAULT-VALUE}).")
        String channel;

        @Option(names = "--users", defaultValue = "10", description = "Users K (default ${DEFAULT-VALUE}).")
        int users;

        @Option(names = "--aps", defaultValue = "64", description = "APs M, or BS antennas for bs-mmimo (default ${DEFAULT-VALUE}).")
        int aps;

        @Option(names = "--antennas-per-ap", defaultValue = "1", description = "Antennas per AP, cell-free (default ${DEFAULT-VALUE}).")
        int antennasPerAp;

        @Option(names = "--subcarriers", defaultValue = "4", description = "Subcarriers N (default ${DEFAULT-VALUE}).")
        int subcarriers;

        @Option(names = "--bandwidth-hz", defaultValue = "20e6", description = "Total bandwidth W, split into N subcarriers (default ${DEFAULT-VALUE}).")
        double bandwidth;

        @Option(names = "--radius-m", defaultValue = "1000", description = "Disk radius (default ${DEFAULT-VALUE}).")
        double radius;

        @Option(names = "--power-dbm", defaultValue = "10", description = "User power budget (default ${DEFAULT-VALUE}).")
        double powerDbm;

        @Option(names = "--noise-figure-db", defaultValue = "9", description = "Receiver noise figure (default ${DEFAULT-VALUE}).")
        double noiseFigure;

        @Option(names = "--task-bits", defaultValue = "1e3", description = "Task size Z (default ${DEFAULT-VALUE}).")
        double taskBits;

        @Option(names = "--cycles-per-bit", defaultValue = "1e3", description = "Processing density C (default ${DEFAULT-VALUE}).")
        double cyclesPerBit;

        @Option(names = "--user-cpu-hz", defaultValue = "1e9", description = "Local CPU f_k (default ${DEFAULT-VALUE}).")
        double userCpu;

        @Option(names = "--server-cpu-hz", defaultValue = "5e9", description = "MEC server CPU f_ser (default ${DEFAULT-VALUE}).")
        double serverCpu;

        @Option(names = "--no-local-computing", description = "Force full offloading (seed 001's \"CF-mMIMO w/o local comp.\").")
        boolean noLocalComputing;

        @Override
        public Integer call() throws Exception {
            LatencyGenerator.Config config = new LatencyGenerator.Config(ChannelModel.parse(channel), users, aps,
                    antennasPerAp, subcarriers, bandwidth, radius, powerDbm, noiseFigure, taskBits, cyclesPerBit,
                    userCpu, serverCpu, !noLocalComputing);
            Output.write(Json.writeInstance(LatencyGenerator.generate(config, seed)), out, spec.commandLine().getOut());
            return 0;
        }
    }
}

package org.mecopt.cli;

import org.mecopt.channel.ChannelModel;
import org.mecopt.latency.LatencyGenerator;
import picocli.CommandLine.Option;

/** The latency generator's options, shared by {@code instance latency} and {@code generate latency}. */
final class LatencyGeneratorOptions {

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

    @Option(names = "--shared-server-cpu",
            description = "Split f_ser evenly among the users (default: each offloading user gets all of it, as in seed 001).")
    boolean sharedServerCpu;

    LatencyGenerator.Config config() {
        return new LatencyGenerator.Config(ChannelModel.parse(channel), users, aps, antennasPerAp, subcarriers,
                bandwidth, radius, powerDbm, noiseFigure, taskBits, cyclesPerBit, userCpu, serverCpu, !noLocalComputing,
                sharedServerCpu);
    }
}

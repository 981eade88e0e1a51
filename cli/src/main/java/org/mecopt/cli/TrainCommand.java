package org.mecopt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a learned solver: on a labelled dataset (latency), self-supervised",
                "(subcarrier-beamforming) or by reinforcement learning (offloading, deadline-energy, qoe-edge)."},
        subcommands = {TrainLatencyCommand.class, TrainOffloadingCommand.class, TrainDeadlineEnergyCommand.class,
            TrainBeamformingCommand.class, TrainQoeEdgeCommand.class})
final class TrainCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package org.mecopt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a learned solver: on a labelled dataset (latency) or by reinforcement learning (offloading)."},
        subcommands = {TrainLatencyCommand.class, TrainOffloadingCommand.class, TrainQoeEdgeCommand.class})
final class TrainCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

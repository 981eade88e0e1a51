package org.mecopt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate a learned solver: on a labelled test set (latency) or against the proven optimum (offloading)."},
        subcommands = {EvaluateLatencyCommand.class, EvaluateOffloadingCommand.class, EvaluateBeamformingCommand.class})
final class EvaluateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

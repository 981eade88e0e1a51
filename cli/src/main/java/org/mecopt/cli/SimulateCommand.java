package org.mecopt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run a policy in an episodic simulator: metrics (JSON, CSV), a figure and optional traces."},
        subcommands = {SimulateDeadlineEnergyCommand.class})
final class SimulateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

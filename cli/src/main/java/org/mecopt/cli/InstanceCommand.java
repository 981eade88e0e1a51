package org.mecopt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "instance", mixinStandardHelpOptions = true,
        description = "Generate a seeded random instance as JSON; one subcommand per registered problem family.")
final class InstanceCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

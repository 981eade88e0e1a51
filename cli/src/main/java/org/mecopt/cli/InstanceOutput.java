package org.mecopt.cli;

import java.nio.file.Path;
import org.mecopt.api.Problem;
import org.mecopt.io.Json;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options every {@code instance} subcommand shares: the seed and where the JSON goes. */
final class InstanceOutput {

    @Option(names = "--seed", required = true, description = "Random seed.")
    long seed;

    @Option(names = "--out", description = "Output file (default: stdout).")
    Path out;

    void write(Problem<?> instance, CommandSpec spec) {
        Output.write(Json.writeInstance(instance), out, spec.commandLine().getOut());
    }
}

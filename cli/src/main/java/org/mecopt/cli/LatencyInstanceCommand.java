package org.mecopt.cli;

import java.util.concurrent.Callable;
import org.mecopt.latency.LatencyGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "latency", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Min-max latency in MEC-enabled cell-free massive MIMO (seed 001); defaults are the paper's setting.")
final class LatencyInstanceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InstanceOutput output;

    @Mixin
    LatencyGeneratorOptions generator;

    @Override
    public Integer call() throws Exception {
        output.write(LatencyGenerator.generate(generator.config(), output.seed), spec);
        return 0;
    }
}

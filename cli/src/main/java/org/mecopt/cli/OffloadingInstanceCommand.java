package org.mecopt.cli;

import java.util.concurrent.Callable;
import org.mecopt.offloading.OffloadingGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "offloading", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Multi-server full offloading (seed 004); defaults are the paper's setting.")
final class OffloadingInstanceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InstanceOutput output;

    @Mixin
    OffloadingGeneratorOptions generator;

    @Override
    public Integer call() throws Exception {
        output.write(OffloadingGenerator.generate(generator.config(), output.seed), spec);
        return 0;
    }
}

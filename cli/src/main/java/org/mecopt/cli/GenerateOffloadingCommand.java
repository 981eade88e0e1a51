package org.mecopt.cli;

import java.util.concurrent.Callable;
import org.mecopt.datasets.DatasetProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "offloading", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Labelled offloading samples; the generator options are those of 'instance offloading'.")
final class GenerateOffloadingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GenerateOptions dataset;

    @Mixin
    OffloadingGeneratorOptions generator;

    @Override
    public Integer call() throws Exception {
        return dataset.run(DatasetProblem.of(generator.config()), spec);
    }
}

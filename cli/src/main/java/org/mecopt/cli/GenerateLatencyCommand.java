package org.mecopt.cli;

import java.util.concurrent.Callable;
import org.mecopt.datasets.DatasetProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "latency", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Labelled latency samples; the generator options are those of 'instance latency'.")
final class GenerateLatencyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GenerateOptions dataset;

    @Mixin
    LatencyGeneratorOptions generator;

    @Override
    public Integer call() throws Exception {
        return dataset.run(DatasetProblem.of(generator.config()), spec);
    }
}

package org.mecopt.cli;

import java.util.concurrent.Callable;
import org.mecopt.qoe.QoeGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "qoe", mixinStandardHelpOptions = true, sortOptions = false,
        description = "QoE-maximizing CPU split on one edge server (seed 003); users follow Table III.")
final class QoeInstanceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InstanceOutput output;

    @Mixin
    QoeGeneratorOptions generator;

    @Override
    public Integer call() throws Exception {
        output.write(QoeGenerator.generate(generator.config(), output.seed), spec);
        return 0;
    }
}

package org.mecopt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate a labelled dataset: N seeded instances, each solved by a solver, written as",
                "sharded Parquet (or CSV) plus manifest.json. Deterministic for any --threads; re-running",
                "the same command finishes an interrupted run. See docs/datasets.md."})
final class GenerateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package org.mecopt.cli.experiments;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Reproduce a figure of a source paper: CSV + PNG.",
        subcommands = {CpuSweepCommand.class, DqnBatchSizeCommand.class, LatencyVsUsersCommand.class, QoeVsUsersCommand.class,
            QoeVsMidpointCommand.class, QoeVsTaskVolumeCommand.class, QoeBoundGapCommand.class,
            DeadlineEnergyCommand.class, BeamformingSweepCommand.class, QoeTrainingCurvesCommand.class,
            DatlTransferCommand.class})
public final class ExperimentCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package org.mecopt.cli.experiments;

import java.io.PrintWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.models.offloading.DqnRaoTrainer;
import org.mecopt.models.rl.Dqn;
import org.mecopt.models.rl.DqnConfig;
import org.mecopt.models.rl.DqnResult;
import org.mecopt.models.rl.RlProgress;
import org.mecopt.models.rl.TrainingLog;
import org.mecopt.offloading.OffloadingEnv;
import org.mecopt.offloading.OffloadingGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Seed 004 Fig. 3: DQN-RAO's training loss against the episode for mini-batches of 32, 64, 128 and
 * 256, everything else Table I, on the paper's setting. Every batch size runs from the same seed,
 * so the curves differ by the batch size only (and the sampling it implies).
 */
@Command(name = "offloading-dqn-batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Seed 004 Fig. 3: DQN-RAO training loss vs episode for several batch sizes (M=9, N=3, Mmax=3).")
final class DqnBatchSizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "Output directory (CSV and PNG).")
    Path out;

    @Option(names = "--episodes", defaultValue = "4000", description = "Episodes per run (Table I: ${DEFAULT-VALUE}).")
    long episodes;

    @Option(names = "--batch-sizes", split = ",", defaultValue = "32,64,128,256",
            description = "Mini-batch sizes (default ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(names = "--reward", defaultValue = "paper", description = "paper (eq. 13) or kkt. Default: ${DEFAULT-VALUE}.")
    String reward;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of every run (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (episodes < 1) {
            throw new InvalidInstanceException("--episodes", episodes, "must be >= 1");
        }
        for (int b : batchSizes) {
            if (b < 1) {
                throw new InvalidInstanceException("--batch-sizes", b, "must be >= 1");
            }
        }
        OffloadingEnv.Options env = DqnRaoTrainer.rewardOptions(reward);
        ExperimentFiles.checkDirectory(out);
        OffloadingGenerator.Config config = OffloadingGenerator.Config.PAPER;
        PrintWriter err = spec.commandLine().getErr();
        StringBuilder csv = new StringBuilder("batch_size,step,episode,loss,recent_return\n");
        Map<String, double[][]> curves = new LinkedHashMap<>();
        for (int b : batchSizes) {
            DqnConfig dqn = DqnRaoTrainer.paperConfig(config.devices(), episodes, seed).withBatchSize(b)
                    .withEvaluation(0, 1).withCheckpointEvery(0);
            Path scratch = Files.createTempDirectory("mecopt-dqn-batch");
            DqnResult run;
            try {
                run = Dqn.train(DqnRaoTrainer.environments(config, env, seed).envs(), dqn, scratch, RlProgress.NONE);
            } catch (IOException | RuntimeException e) {
                try {
                    ExperimentFiles.deleteTree(scratch);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup); // the training's failure is the one to report
                }
                throw e;
            }
            ExperimentFiles.deleteTree(scratch);
            TrainingLog log = run.log();
            int loss = log.metricNames().indexOf("loss");
            List<TrainingLog.Interval> rows = log.intervals();
            double[][] xy = new double[2][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                TrainingLog.Interval r = rows.get(i);
                xy[0][i] = (double) r.step() / config.devices();
                xy[1][i] = r.metrics()[loss];
                csv.append(String.format(Locale.ROOT, "%d,%d,%.1f,%.6g,%.6g%n", b, r.step(), xy[0][i], xy[1][i],
                        r.recentReturn()));
            }
            curves.put("batch " + b, xy);
            err.printf(Locale.ROOT, "batch %d done in %.0f s%n", b, run.seconds());
            err.flush();
        }
        ExperimentFiles.write(out, "offloading-dqn-batch", csv, plot(curves));
        spec.commandLine().getOut().print(csv);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static byte[] plot(Map<String, double[][]> curves) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(560)
                .title("Seed 004 Fig. 3: DQN-RAO training loss (M=9, N=3, Mmax=3)")
                .xAxisTitle("Episode").yAxisTitle("TD loss (mean over the interval)").build();
        curves.forEach((name, xy) -> chart.addSeries(name, xy[0], xy[1]));
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}

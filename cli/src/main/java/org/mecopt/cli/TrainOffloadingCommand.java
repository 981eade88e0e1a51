package org.mecopt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.ProblemFamily;
import org.mecopt.cli.experiments.ExperimentFiles;
import org.mecopt.models.offloading.DqnRaoTrainer;
import org.mecopt.models.offloading.OffloadingComparison;
import org.mecopt.models.rl.DqnConfig;
import org.mecopt.models.rl.RlProgress;
import org.mecopt.offloading.OffloadingEnv;
import org.mecopt.offloading.OffloadingFamily;
import org.mecopt.offloading.OffloadingGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "offloading", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train seed 004's DQN-RAO (the dqn-rao solver) on episodes of random instances drawn with the",
                "same options as 'instance offloading', with the paper's Table I settings by default; then measure it",
                "against exact on unseen instances. Writes model.json, q-network.mlp and training/ (curves, checkpoints);",
                "rerunning into the same --out resumes from the last checkpoint."})
final class TrainOffloadingCommand implements Callable<Integer>, FamilyCommands.WithFamilyOptions {
    private static final OffloadingFamily FAMILY = new OffloadingFamily();

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "Model directory to write.")
    Path out;

    @Option(names = "--episodes", defaultValue = "4000", description = "Training episodes (Table I: ${DEFAULT-VALUE}).")
    long episodes;

    @Option(names = "--reward", defaultValue = "paper",
            description = {"paper: eq. (13), an equal CPU share; kkt: the marginal KKT cost, whose return is -M x the",
                    "average delay (the bundled models: --reward kkt --gamma 1 --double-q --episodes 20000).",
                    "Default: ${DEFAULT-VALUE}."})
    String reward;

    @Option(names = "--batch-size", defaultValue = "64", description = "Mini-batch (Table I: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "0.001", description = "Adam's step (Table I: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--gamma", defaultValue = "0.95", description = "Discount (Table I: ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--hidden", split = ",", defaultValue = "128,64", description = "Hidden widths (Table I: ${DEFAULT-VALUE}).")
    List<Integer> hidden;

    @Option(names = "--double-q", description = "Double Q-learning targets (not in the paper).")
    boolean doubleQ;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the episodes, network and exploration. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--validation", defaultValue = "200", description = "Unseen instances measured against exact. Default: ${DEFAULT-VALUE}.")
    int validation;

    @Option(names = "--validation-seed", defaultValue = "2000000", description = "Seed of the first of them. Default: ${DEFAULT-VALUE}.")
    long validationSeed;

    @Override
    public ProblemFamily<?, ?, ?> family() {
        return FAMILY;
    }

    @Override
    public Integer call() throws Exception {
        if (episodes < 1) {
            throw new InvalidInstanceException("--episodes", episodes, "must be >= 1");
        }
        if (batchSize < 1) {
            throw new InvalidInstanceException("--batch-size", batchSize, "must be >= 1");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new InvalidInstanceException("--learning-rate", learningRate, "must be > 0 and finite");
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new InvalidInstanceException("--gamma", gamma, "must be in [0, 1]");
        }
        if (hidden.isEmpty() || hidden.stream().anyMatch(h -> h < 1)) {
            throw new InvalidInstanceException("--hidden", hidden, "must be widths >= 1");
        }
        if (validation < 1) {
            throw new InvalidInstanceException("--validation", validation, "must be >= 1");
        }
        OffloadingEnv.Options env = DqnRaoTrainer.rewardOptions(reward);
        ExperimentFiles.checkDirectory(out);
        OffloadingGenerator.Config config = (OffloadingGenerator.Config) FamilyCommands.config(spec, FAMILY);
        DqnConfig dqn = DqnRaoTrainer.paperConfig(config.devices(), episodes, seed).withBatchSize(batchSize)
                .withLearningRate(learningRate).withGamma(gamma)
                .withHidden(hidden.stream().mapToInt(Integer::intValue).toArray()).withDoubleQ(doubleQ);
        PrintWriter err = spec.commandLine().getErr();
        DqnRaoTrainer.Trained t = DqnRaoTrainer.train(new DqnRaoTrainer.Options(config, env, dqn, validation, validationSeed),
                out, RlProgress.line(err), line -> {
                    err.println(line);
                    err.flush();
                });
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "trained %d steps (%d updates, %.1f ms each) in %.0f s; model written to %s%n",
                t.run().steps(), t.run().updates(), t.run().updateMillis(), t.run().seconds(), out);
        for (OffloadingComparison.Row r : t.validation().rows()) {
            o.printf(Locale.ROOT, "%-8s on %d unseen instances: mean gap %.2f%%, p95 %.2f%%, optimal %.1f%%, feasible %.1f%%%n",
                    r.solver(), t.validation().instances(), 100 * r.meanGap(), 100 * r.p95Gap(), 100 * r.optimalShare(),
                    100 * r.feasibleShare());
        }
        o.flush();
        return 0;
    }
}

package org.mecopt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mecopt.beamforming.BeamformingGenerator;
import org.mecopt.cli.experiments.ExperimentFiles;
import org.mecopt.models.beamforming.BeamformingArchitecture;
import org.mecopt.models.beamforming.BeamformingModel;
import org.mecopt.models.beamforming.BeamformingTrainer;
import org.mecopt.models.beamforming.Decoder;
import org.mecopt.models.beamforming.LossSettings;
import org.mecopt.models.beamforming.Method;
import org.mecopt.models.beamforming.TaskLoss;
import org.mecopt.models.learning.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "subcarrier-beamforming", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a self-supervised multi-task beamformer (seed 002, MODEL.md section 5, our reconstruction):",
                "cmtssl (one network), dmtssl (one network per station on its local channels) or datl (a dmtssl",
                "system plus one station, started from --init). No labels: instances come from the generator,",
                "the loss is computed from the channel and the outputs (weighted sum rate, minimum-rate and",
                "power tasks, NFL/EL, learned uncertainty weights). Writes the model directory (parameters,",
                "model.json, training-curve.csv and .png); use it with 'solve subcarrier-beamforming --solver",
                "cmtssl --param model=DIR'. After every epoch it writes training-state.bin (parameters, Adam's",
                "moments, rate, history, patience): rerunning with the same options into the same --out resumes",
                "after the last finished epoch (--epochs may grow); other options are refused, naming the option."})
final class TrainBeamformingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--method", required = true, description = "cmtssl, dmtssl or datl.")
    String method;

    @Option(names = "--out", required = true, description = "Model directory to write (or to resume: see above).")
    Path out;

    @Option(names = "--stations", description = "B (default 4; datl: the --init model's B + 1).")
    Integer stations;

    @Mixin
    BeamformingSizeOptions size;

    @Option(names = "--train-instances", defaultValue = "16000", description = "Training pool (one epoch = one pass). Default: ${DEFAULT-VALUE}.")
    int trainInstances;

    @Option(names = "--validation-instances", defaultValue = "2000", description = "Validation instances. Default: ${DEFAULT-VALUE}.")
    int validationInstances;

    @Option(names = "--epochs", defaultValue = "60", description = "Maximum epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "64", description = "Mini-batch size. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "0.001", description = "Adam's learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the instances, shuffles and initialization. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--patience", defaultValue = "10", description = "Epochs without a better validation loss before stopping. Default: ${DEFAULT-VALUE}.")
    int patience;

    @Option(names = "--hidden", split = ",", description = {"Hidden layer sizes (of each station's network for dmtssl/datl).",
            "Default: 512,1024,512 (the paper's)."})
    List<Integer> hidden;

    @Option(names = "--decoder", description = {"direct (every beam coefficient), rzf (a power and a regularization per",
            "subcarrier and user, regularized zero-forcing beams; dmtssl/datl: each station's local one) or associated-rzf",
            "(dmtssl/datl: each station serves only the users it is the strongest station of). Default: rzf for cmtssl,",
            "associated-rzf for dmtssl and datl."})
    String decoder;

    @Option(names = "--loss", defaultValue = "uncertainty",
            description = "uncertainty (multi-task, learned weights) or penalty (the ablation: -WSR/U + penalty * violations). Default: ${DEFAULT-VALUE}.")
    String loss;

    @Option(names = "--rate-loss", defaultValue = "nfl", description = "nfl or el on the minimum-rate tasks. Default: ${DEFAULT-VALUE}.")
    String rateLoss;

    @Option(names = "--x1", defaultValue = "0.1", description = "Saturation depth of the rate tasks' loss. Default: ${DEFAULT-VALUE}.")
    double x1;

    @Option(names = "--power-loss", defaultValue = "el", description = "nfl or el on the power tasks. Default: ${DEFAULT-VALUE}.")
    String powerLoss;

    @Option(names = "--x2", defaultValue = "0.01", description = "Saturation depth of the power tasks' loss. Default: ${DEFAULT-VALUE}.")
    double x2;

    @Option(names = "--max-log-variance", defaultValue = "1",
            description = "Bound on the learned log-variances (weights within e^+-bound). Default: ${DEFAULT-VALUE}.")
    double maxLogVariance;

    @Option(names = "--penalty", defaultValue = "1", description = "Weight of violations (ablation loss and validation criterion). Default: ${DEFAULT-VALUE}.")
    double penalty;

    @Option(names = "--init", description = "datl: the trained dmtssl model directory to extend by one station.")
    Path init;

    @Option(names = "--nearest", defaultValue = "-1",
            description = "datl: the existing station whose network the new one copies (default: chosen from the local channels).")
    int nearest;

    @Override
    public Integer call() throws Exception {
        ExperimentFiles.checkDirectory(out);
        Method m = Method.parse(method);
        int b = stations != null ? stations : 4;
        if (stations == null && m == Method.DATL && init != null) {
            try (BeamformingModel base = BeamformingModel.load(init)) {
                b = base.architecture().dims().stations() + 1;
            }
        }
        BeamformingGenerator.Config config = BeamformingGenerator.Config.DEFAULT.withSizes(b, size.antennas, size.users, size.subcarriers)
                .withMaxPowerW(size.maxPowerW);
        int[] h = hidden == null ? BeamformingArchitecture.PAPER_HIDDEN : hidden.stream().mapToInt(Integer::intValue).toArray();
        LossSettings l = LossSettings.defaults().withWeighting(LossSettings.Weighting.parse(loss))
                .withRateLoss(TaskLoss.parse("--rate-loss", rateLoss), x1)
                .withPowerLoss(TaskLoss.parse("--power-loss", powerLoss), x2).withPenalty(penalty)
                .withMaxLogVariance(maxLogVariance);
        BeamformingTrainer.Options o = BeamformingTrainer.Options.defaults(m, out).with(config)
                .withInstances(trainInstances, validationInstances)
                .withTraining(epochs, batchSize, learningRate, seed, patience).withHidden(h).withLoss(l)
                .withInit(init, nearest);
        if (decoder != null) {
            o = o.withDecoder(Decoder.parse(decoder));
        }
        BeamformingTrainer.Summary s = BeamformingTrainer.train(o, Progress.line(spec.commandLine().getErr()));
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "trained %s %d epochs (best %d, validation criterion %.5f; %d steps per epoch) on %d instances,"
                        + " validated on %d, in %.1f s%n", m.id(), s.epochsRun(), s.bestEpoch(), s.bestValidationLoss(),
                s.stepsPerEpoch(), s.trainSize(), s.validationSize(), s.seconds());
        w.printf(Locale.ROOT, "validation: mean weighted sum rate %.4g bit/s, users below their minimum rate %.2f%%;"
                + " %d parameters per network%s%n", s.meanWeightedSumRate(), 100 * s.usersBelowMinimumShare(),
                s.parametersPerNetwork(), s.nearest() >= 0 ? "; new station copied from station " + s.nearest() : "");
        w.println("model: " + out.toAbsolutePath());
        w.flush();
        return 0;
    }
}

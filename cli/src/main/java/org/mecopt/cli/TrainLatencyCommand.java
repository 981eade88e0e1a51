package org.mecopt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.cli.experiments.ExperimentFiles;
import org.mecopt.models.latency.Architecture;
import org.mecopt.models.latency.Features;
import org.mecopt.models.latency.Head;
import org.mecopt.models.latency.LatencyTrainer;
import org.mecopt.models.learning.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "latency", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the CNN-LSTM on a latency dataset labelled by ICA ('generate latency'): MSE to the",
                "ICA powers plus the weighted relative latency gap, Adam, 80/20 split, the learning rate halved",
                "when the validation loss stalls, early stopping keeping the best checkpoint. Writes the model",
                "directory (parameters, model.json, training-curve.csv and .png); use it with",
                "'solve latency --solver cnn-lstm --param model=DIR'. Rerunning with the same options (and dataset)",
                "into the same --out resumes after the last finished epoch (--epochs may grow); other options are",
                "refused, naming the option."})
final class TrainLatencyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Dataset directory (generate latency --out).")
    Path data;

    @Option(names = "--out", required = true, description = "Model directory to write.")
    Path out;

    @Option(names = "--features", defaultValue = "gain",
            description = "gain (effective gains in dB, any M) or magnitude (|h|, the paper's). Default: ${DEFAULT-VALUE}.")
    String features;

    @Option(names = "--epochs", defaultValue = "30", description = "Maximum epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "32", description = "Mini-batch size. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "0.001", description = "Adam's learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the split, shuffles and initialization. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--patience", defaultValue = "5",
            description = "Epochs without a better validation loss before stopping. Default: ${DEFAULT-VALUE}.")
    int patience;

    @Option(names = "--head", defaultValue = "softmax-slack",
            description = {"softmax-slack (feasible by construction, rho in closed form) or regression (the paper's",
                    "plain head over min-max normalized alpha, p, rho; repaired when infeasible). Default: ${DEFAULT-VALUE}."})
    String head;

    @Option(names = "--latency-weight", defaultValue = "LATENCY_WEIGHT_DEFAULT",
            description = {"Weight of the mean relative latency gap tau/tau_ICA - 1 of the predicted powers in the",
                    "loss, next to the MSE to the ICA powers; 0 trains on the MSE alone, as the paper does.",
                    "Default: 1 with softmax-slack, 0 with regression."})
    String latencyWeight;

    @Option(names = "--filters", defaultValue = "" + Architecture.Size.PAPER_FILTERS, description = "Convolution filters. Default: ${DEFAULT-VALUE} (the paper's).")
    int filters;

    @Option(names = "--lstm-units", defaultValue = "" + Architecture.Size.PAPER_LSTM_UNITS,
            description = {"LSTM state size. Default: ${DEFAULT-VALUE} (the paper's). Prefer 20, 24, 32, 50, 56, 64 or 128:",
                    "at some sizes (e.g. 16, 40) the engine's LSTM is not the textbook one and batch-1 inference",
                    "falls back to the slower engine (docs/models.md)."})
    int lstmUnits;

    @Option(names = "--hidden", defaultValue = "0",
            description = "Units of a hidden dense layer (ReLU) before the head; 0: none, the paper's. Default: ${DEFAULT-VALUE}.")
    int hidden;

    @Option(names = "--init", description = {"A model directory to start from (fine-tuning): same features, head and",
            "sizes; its input normalization is kept. Default: a fresh initialization."})
    Path init;

    @Override
    public Integer call() throws Exception {
        ExperimentFiles.checkDirectory(out);
        Head h = Head.parse(head);
        double weight = "LATENCY_WEIGHT_DEFAULT".equals(latencyWeight) ? (h == Head.REGRESSION ? 0 : 1)
                : parseWeight(latencyWeight);
        LatencyTrainer.Options options = LatencyTrainer.Options.defaults(data, out).withFeatures(Features.parse(features))
                .withEpochs(epochs).withBatchSize(batchSize).withLearningRate(learningRate).withSeed(seed)
                .withPatience(patience).withHead(h).withLatencyWeight(weight)
                .withSize(new Architecture.Size(filters, lstmUnits, hidden)).withInit(init);
        LatencyTrainer.Summary s = LatencyTrainer.train(options, Progress.line(spec.commandLine().getErr()));
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "trained %d epochs (best %d, validation loss %.5f) on %d samples, validated on %d, in %.1f s%n",
                s.epochsRun(), s.bestEpoch(), s.bestValidationLoss(), s.trainSize(), s.validationSize(), s.seconds());
        o.printf(Locale.ROOT, "validation: mean gap to ICA %.2f%% (median %.2f%%), equal-power %.2f%%, feasible before any repair %.1f%%%n",
                100 * s.meanGap(), 100 * s.medianGap(), 100 * s.meanGapEqualPower(), 100 * s.feasibleShare());
        o.println("model: " + out.toAbsolutePath());
        o.flush();
        return 0;
    }

    private static double parseWeight(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidInstanceException("--latency-weight", text, "must be a number >= 0");
        }
    }
}

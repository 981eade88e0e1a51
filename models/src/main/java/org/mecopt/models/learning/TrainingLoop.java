package org.mecopt.models.learning;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mecopt.api.InvalidInstanceException;

/**
 * The one training loop of every supervised or self-supervised learner: epochs of seeded shuffles
 * and mini-batches with Adam, a learning-rate schedule, the validation loss after each epoch, the
 * best checkpoint saved, early stopping. It knows nothing of the problem: the {@link Objective}
 * turns examples into batches and outputs into a loss. Reinforcement learning has its own loop
 * (acting in an environment is not iterating a data set), built on the same {@link Network}s and
 * {@link Checkpoint}s.
 */
public final class TrainingLoop {
    private TrainingLoop() {
    }

    /**
     * @param seed the engine's seed (initialization); the shuffles draw from the caller's {@code Random}
     * @param patience epochs without a better validation loss before stopping
     * @param schedule how the learning rate moves from epoch to epoch
     */
    public record Settings(int epochs, int batchSize, double learningRate, long seed, int patience, Schedule schedule) {
        public Settings {
            if (epochs < 1) {
                throw new InvalidInstanceException("--epochs", epochs, "must be >= 1");
            }
            if (batchSize < 2) {
                throw new InvalidInstanceException("--batch-size", batchSize, "must be >= 2");
            }
            if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
                throw new InvalidInstanceException("--learning-rate", learningRate, "must be > 0");
            }
            if (patience < 1) {
                throw new InvalidInstanceException("patience", patience, "must be >= 1");
            }
        }

        /** With the learning rate halved on plateaus ({@link Schedule#halvingOnPlateau}). */
        public static Settings of(int epochs, int batchSize, double learningRate, long seed, int patience) {
            return new Settings(epochs, batchSize, learningRate, seed, patience, Schedule.halvingOnPlateau(patience));
        }
    }

    /** The learning rate after an epoch that did not improve on the best validation loss. */
    public interface Schedule {
        float afterStall(float rate, int epochsSinceBest);

        /**
         * Halved after every {@code ⌈patience/2⌉} epochs in a row without a better validation loss,
         * unless early stopping ends the run at that epoch anyway.
         */
        static Schedule halvingOnPlateau(int patience) {
            int every = (patience + 1) / 2;
            return (rate, since) -> since < patience && since % every == 0 ? rate / 2 : rate;
        }

        Schedule CONSTANT = (rate, since) -> rate;
    }

    /**
     * Trains a fresh network (built by {@code network}) and leaves its best parameters in {@code checkpoint}.
     *
     * @param inputShape the network's input shape at the batch size (for initialization)
     * @param start called once after initialization, e.g. to copy a model to fine-tune; may do nothing
     * @param random the shuffles' stream, the one that drew the {@link Split}
     */
    public static <X> History run(Settings settings, Supplier<Block> network, Shape inputShape, Consumer<Model> start,
                                  Split<X> data, Random random, Objective<X> objective, Checkpoint checkpoint,
                                  Progress progress) throws IOException {
        Files.createDirectories(checkpoint.dir());
        Djl.offline();
        Engine.getInstance().setRandomSeed((int) settings.seed()); // TRY NOT TO MODIFY: initialization depends on it
        List<X> train = new ArrayList<>(data.train());
        List<Epoch> epochs = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        try (Model model = Model.newInstance(checkpoint.prefix())) {
            model.setBlock(network.get()); // built after seeding, as every model so far was
            float[] learningRate = {(float) settings.learningRate()};
            Tracker tracker = update -> learningRate[0]; // read by Adam at every step; the schedule sets it
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()) // unused: the objective is the loss
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(tracker).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(inputShape);
                start.accept(model);
                int steps = 0;
                if (progress.stepEvery() > 0) {
                    progress.step(0, trainer);
                }
                int sinceBest = 0;
                for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                    long epochStart = System.nanoTime();
                    Collections.shuffle(train, random);
                    double trainLoss = 0;
                    int seen = 0;
                    for (int from = 0; from < train.size(); from += settings.batchSize()) {
                        int to = Math.min(train.size(), from + settings.batchSize());
                        if (to - from < 2) {
                            break; // batch norm needs two samples
                        }
                        try (NDManager m = trainer.getManager().newSubManager()) {
                            Batch batch = objective.batch(m, train.subList(from, to));
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray loss = objective.loss(trainer.forward(batch.inputs()), batch);
                                gc.backward(loss);
                                trainLoss += loss.getFloat() * (to - from);
                                seen += to - from;
                            }
                            trainer.step();
                        }
                        steps++;
                        if (progress.stepEvery() > 0 && steps % progress.stepEvery() == 0) {
                            progress.step(steps, trainer);
                        }
                    }
                    trainLoss /= Math.max(1, seen);
                    double validationLoss = validationLoss(trainer, data.validation(), objective, settings.batchSize());
                    boolean improved = validationLoss < best;
                    if (improved) {
                        best = validationLoss;
                        bestEpoch = epoch;
                        sinceBest = 0;
                        checkpoint.save(model);
                    } else {
                        sinceBest++;
                        learningRate[0] = settings.schedule().afterStall(learningRate[0], sinceBest);
                    }
                    double seconds = (System.nanoTime() - epochStart) / 1e9;
                    // the rate as the engine's float prints (0.001, not 0.0010000000474974513)
                    double rate = Double.parseDouble(Float.toString(learningRate[0]));
                    epochs.add(new Epoch(epoch, trainLoss, validationLoss, rate, improved, seconds));
                    progress.epoch(epoch, settings.epochs(), trainLoss, validationLoss, improved, seconds);
                    if (sinceBest >= settings.patience()) {
                        break; // early stopping: the checkpoint holds the best epoch
                    }
                }
            }
        }
        return new History(epochs, bestEpoch, best);
    }

    /** The mean loss over the validation examples, the network in inference mode (batch norm's running statistics). */
    private static <X> double validationLoss(Trainer trainer, List<X> validation, Objective<X> objective, int batchSize) {
        double sum = 0;
        for (int from = 0; from < validation.size(); from += batchSize) {
            int to = Math.min(validation.size(), from + batchSize);
            try (NDManager m = trainer.getManager().newSubManager()) {
                Batch b = objective.batch(m, validation.subList(from, to));
                sum += objective.validationLoss(trainer.evaluate(b.inputs()), b).getFloat() * (to - from);
            }
        }
        return sum / validation.size();
    }
}

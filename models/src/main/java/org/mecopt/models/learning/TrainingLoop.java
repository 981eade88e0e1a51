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
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mecopt.api.InvalidInstanceException;

/**
 * The one training loop of every supervised or self-supervised learner: epochs of seeded shuffles
 * and mini-batches with Adam, a learning-rate schedule, the validation loss after each epoch, the
 * best checkpoint saved, early stopping, and a resumable state after every epoch. It knows nothing of the problem: the {@link Objective}
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
     * Trains a fresh network (built by {@code network}) and leaves its best parameters in {@code checkpoint};
     * after every epoch it also writes a {@link TrainingState} into the checkpoint's directory, and when that
     * directory already holds one from a run with the same options it resumes that run (see {@link #resumable}).
     *
     * <p>What a resumed run restores: the parameters (batch norm's running statistics included), Adam's
     * moments and step count ({@link ResumableAdam}), the learning rate, the epochs done and their history,
     * the best validation loss, its epoch and the patience counter, and the shuffle stream (replayed: the
     * {@code random} given here must be in the state the interrupted run's was, as it is when the caller
     * draws it from the same seed, and the replayed order is checked against the saved one). So a run
     * interrupted after any epoch and resumed ends with the uninterrupted run's parameters, history and
     * checkpoint (tested), except the recorded seconds. Not restored: the epoch in progress at the
     * interruption (it is run again from its start) and the engine's random stream, which the loop only
     * uses to initialize (a network drawing from it while training, e.g. dropout, would resume differently;
     * none does).
     *
     * @param inputShape the network's input shape at the batch size (for initialization)
     * @param start called once after initialization, e.g. to copy a model to fine-tune; may do nothing
     * @param random the shuffles' stream, the one that drew the {@link Split}
     * @param options the caller's settings that a resumed run must repeat, by option name (e.g.
     *     {@code --hidden → 64,64}); the loop adds its own (all of {@link Settings} but the epochs, which
     *     may grow: a finished run continues to more epochs) and the data's sizes
     */
    public static <X> History run(Settings settings, Supplier<Block> network, Shape inputShape, Consumer<Model> start,
                                  Split<X> data, Random random, Objective<X> objective, Checkpoint checkpoint,
                                  Map<String, String> options, Progress progress) throws IOException {
        Files.createDirectories(checkpoint.dir());
        // what a kill during a write left: no finally ran to delete it
        TrainingState.deleteUnfinishedWrites(checkpoint.dir());
        checkpoint.deleteUnfinishedSaves();
        Map<String, String> all = allOptions(settings, options, data);
        Optional<TrainingState.Header> saved = check(TrainingState.read(checkpoint.dir()), checkpoint, settings, all);
        Djl.offline();
        Engine.getInstance().setRandomSeed((int) settings.seed()); // TRY NOT TO MODIFY: initialization depends on it
        // the shuffles permute indices into data.train(): the same swaps as shuffling the examples themselves
        // (Collections.shuffle draws by position only), and the order can be saved and checked
        List<Integer> order = new ArrayList<>(data.train().size());
        for (int i = 0; i < data.train().size(); i++) {
            order.add(i);
        }
        List<Epoch> epochs = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int sinceBest = 0;
        try (Model model = Model.newInstance(checkpoint.prefix())) {
            model.setBlock(network.get()); // built after seeding, as every model so far was
            // DJL's Adam step for step, with a state we can save; its rate is read at every step, the schedule sets it
            ResumableAdam adam = new ResumableAdam((float) settings.learningRate());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()) // unused: the objective is the loss
                    .optOptimizer(adam);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(inputShape);
                start.accept(model);
                if (saved.isPresent()) {
                    TrainingState.Header h = saved.get();
                    for (int e = 0; e < h.epochsDone(); e++) {
                        Collections.shuffle(order, random);
                    }
                    if (!Arrays.equals(order.stream().mapToInt(Integer::intValue).toArray(), h.order())) {
                        throw new InvalidInstanceException("--out", checkpoint.dir(), "holds a run whose shuffles differ"
                                + " from this one's after " + h.epochsDone() + " epochs (other training data or another"
                                + " shuffle stream): train into another directory");
                    }
                    TrainingState.restore(checkpoint.dir(), model.getBlock(), adam);
                    epochs.addAll(h.epochs());
                    best = h.best();
                    bestEpoch = h.bestEpoch();
                    sinceBest = h.sinceBest();
                    progress.resumed(h.epochsDone(), settings.epochs(), TrainingState.file(checkpoint.dir()));
                }
                int first = epochs.size() + 1;
                // the steps of the epochs done: the loop skips a last batch of one
                int stepsPerEpoch = order.size() / settings.batchSize() + (order.size() % settings.batchSize() >= 2 ? 1 : 0);
                int steps = (first - 1) * stepsPerEpoch;
                if (progress.stepEvery() > 0 && steps == 0) {
                    progress.step(0, trainer);
                }
                for (int epoch = first; epoch <= settings.epochs() && sinceBest < settings.patience(); epoch++) {
                    long epochStart = System.nanoTime();
                    Collections.shuffle(order, random);
                    double trainLoss = 0;
                    int seen = 0;
                    for (int from = 0; from < order.size(); from += settings.batchSize()) {
                        int to = Math.min(order.size(), from + settings.batchSize());
                        if (to - from < 2) {
                            break; // batch norm needs two samples
                        }
                        List<X> examples = order.subList(from, to).stream().map(data.train()::get).toList();
                        try (NDManager m = trainer.getManager().newSubManager()) {
                            Batch batch = objective.batch(m, examples);
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray loss = objective.loss(trainer.forward(batch.inputs()), batch);
                                float value = loss.getFloat();
                                if (!Float.isFinite(value)) {
                                    throw new TrainingDivergedException("training loss", epoch, steps + 1, value,
                                            checkpoint.dir());
                                }
                                gc.backward(loss);
                                trainLoss += value * (to - from);
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
                    if (!Double.isFinite(validationLoss)) {
                        throw new TrainingDivergedException("validation loss", epoch, steps, validationLoss,
                                checkpoint.dir());
                    }
                    boolean improved = validationLoss < best;
                    if (improved) {
                        best = validationLoss;
                        bestEpoch = epoch;
                        sinceBest = 0;
                        checkpoint.save(model); // before the state that counts this epoch as done
                    } else {
                        sinceBest++;
                        adam.setLearningRate(settings.schedule().afterStall(adam.learningRate(), sinceBest));
                    }
                    double seconds = (System.nanoTime() - epochStart) / 1e9;
                    // the rate as the engine's float prints (0.001, not 0.0010000000474974513)
                    double rate = Double.parseDouble(Float.toString(adam.learningRate()));
                    epochs.add(new Epoch(epoch, trainLoss, validationLoss, rate, improved, seconds));
                    TrainingState.write(checkpoint.dir(), new TrainingState.Header(all, data.train().size(),
                            data.validation().size(), epochs, best, bestEpoch, sinceBest,
                            order.stream().mapToInt(Integer::intValue).toArray()), model.getBlock(), adam);
                    progress.epoch(epoch, settings.epochs(), trainLoss, validationLoss, improved, seconds);
                    // sinceBest reaching the patience ends the loop: early stopping, the checkpoint holds the best epoch
                }
            }
        }
        return new History(epochs, bestEpoch, best);
    }

    /**
     * The number of epochs a run with these settings and options would resume after, if the checkpoint's
     * directory holds the state of one (0: a fresh start). Refuses a state of a run with other options
     * (naming the first that differs), with more epochs done than {@code settings} asks for, or one that
     * cannot be read. Callers call it before preparing their data, to fail fast and to say that they
     * resume; {@link #run} checks again, the data's sizes too.
     */
    public static int resumable(Checkpoint checkpoint, Settings settings, Map<String, String> options) {
        Map<String, String> all = loopOptions(settings, options);
        Optional<TrainingState.Header> saved = TrainingState.read(checkpoint.dir());
        saved.ifPresent(h -> { // the data's sizes are not known yet
            all.put(TRAIN_SIZE, h.options().get(TRAIN_SIZE));
            all.put(VALIDATION_SIZE, h.options().get(VALIDATION_SIZE));
        });
        return check(saved, checkpoint, settings, all).map(TrainingState.Header::epochsDone).orElse(0);
    }

    private static final String TRAIN_SIZE = "training examples";
    private static final String VALIDATION_SIZE = "validation examples";

    private static Optional<TrainingState.Header> check(Optional<TrainingState.Header> saved, Checkpoint checkpoint,
                                                        Settings settings, Map<String, String> all) {
        saved.ifPresent(h -> {
            TrainingState.checkSameRun(h, all, checkpoint.dir());
            if (h.epochsDone() > settings.epochs()) {
                throw new InvalidInstanceException("--epochs", settings.epochs(), "is fewer than the " + h.epochsDone()
                        + " epochs the run in " + checkpoint.dir() + " has done: resume it with at least as many");
            }
        });
        return saved;
    }

    /** The caller's options and the loop's own; not the schedule, which {@link Settings#of} derives from the patience. */
    private static Map<String, String> loopOptions(Settings settings, Map<String, String> options) {
        Map<String, String> all = new LinkedHashMap<>(options);
        all.put("--batch-size", Integer.toString(settings.batchSize()));
        all.put("--learning-rate", Double.toString(settings.learningRate()));
        all.put("--seed", Long.toString(settings.seed()));
        all.put("--patience", Integer.toString(settings.patience()));
        return all;
    }

    private static Map<String, String> allOptions(Settings settings, Map<String, String> options, Split<?> data) {
        Map<String, String> all = loopOptions(settings, options);
        all.put(TRAIN_SIZE, Integer.toString(data.train().size()));
        all.put(VALIDATION_SIZE, Integer.toString(data.validation().size()));
        return all;
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

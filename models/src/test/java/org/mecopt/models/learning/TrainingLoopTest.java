package org.mecopt.models.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.io.Json;

/** The loop on a task with a known answer: least squares recovering the weights that made the data. */
class TrainingLoopTest {
    static final double[] WEIGHTS = {2.0, -1.0, 0.5};
    static final double BIAS = 0.3;

    /** One example: inputs, target, and whether it is scored by the scripted validation loss. */
    record Example(float[] x, float y, boolean scripted) {
    }

    /** No layers: the head reads the input itself. */
    record Identity() implements Trunk {
        @Override
        public String type() {
            return "identity";
        }

        @Override
        public void addTo(SequentialBlock network) {
        }

        @Override
        public ObjectNode describe() {
            return Json.mapper().createObjectNode().put("type", type());
        }
    }

    record LinearHead() implements Head {
        @Override
        public String name() {
            return "y";
        }

        @Override
        public String type() {
            return "linear";
        }

        @Override
        public long outputs() {
            return 1;
        }

        @Override
        public void addTo(SequentialBlock network) {
            network.add(Linear.builder().setUnits(1).build());
        }
    }

    static final Network NETWORK = new Network(new Identity(), List.of(new LinearHead()));

    /** Mean squared error to the targets; validation examples marked scripted report {@code script[call]} instead. */
    static final class Squares implements Objective<Example> {
        final double[] script;
        int validationCalls;

        Squares(double... script) {
            this.script = script;
        }

        @Override
        public Batch batch(NDManager m, List<Example> examples) {
            float[] x = new float[examples.size() * 3];
            float[] y = new float[examples.size()];
            for (int i = 0; i < examples.size(); i++) {
                System.arraycopy(examples.get(i).x(), 0, x, 3 * i, 3);
                y[i] = examples.get(i).y();
            }
            NDList context = new NDList(m.create(y, new Shape(examples.size(), 1)));
            if (examples.get(0).scripted()) {
                context.add(m.create((float) script[validationCalls++]));
            }
            return new Batch(new NDList(m.create(x, new Shape(examples.size(), 3))), context);
        }

        @Override
        public NDArray loss(NDList outputs, Batch batch) {
            if (batch.context().size() > 1) {
                return batch.context().get(1);
            }
            return new WeightedLoss(List.of(new WeightedLoss.Term("mse", 1,
                    (out, b) -> out.singletonOrThrow().sub(b.context().get(0)).square().mean()))).value(outputs, batch);
        }
    }

    static List<Example> data(int n, long seed, boolean scripted) {
        Random random = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] x = new float[3];
            double y = BIAS;
            for (int j = 0; j < 3; j++) {
                x[j] = (float) random.nextGaussian();
                y += WEIGHTS[j] * x[j];
            }
            out.add(new Example(x, (float) y, scripted));
        }
        return out;
    }

    static History fit(Path dir, long seed, TrainingLoop.Settings settings, Split<Example> split, Objective<Example> objective,
                       List<float[]> snapshots) throws IOException {
        Model[] model = new Model[1];
        return TrainingLoop.run(settings, NETWORK::build, new Shape(settings.batchSize(), 3), m -> model[0] = m, split,
                new Random(seed), objective, new Checkpoint(dir, "toy"), java.util.Map.of(),
                (e, n, train, validation, best, seconds) -> snapshots.add(parameters(model[0])));
    }

    static float[] parameters(Model model) {
        List<Float> values = new ArrayList<>();
        for (var p : model.getBlock().getParameters()) {
            for (float v : p.getValue().getArray().toFloatArray()) {
                values.add(v);
            }
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** The parameters in the checkpoint: weight (1×3) then bias. */
    static float[] checkpoint(Path dir) throws IOException, MalformedModelException {
        Djl.offline();
        try (Model model = Model.newInstance("toy")) {
            model.setBlock(NETWORK.build());
            model.load(dir, "toy");
            return parameters(model);
        }
    }

    @Test
    void recoversTheWeightsOfALinearModel(@TempDir Path tmp) throws Exception {
        Split<Example> split = Split.shuffled(data(400, 1, false), new Random(2), 0.2);
        History h = fit(tmp, 3, TrainingLoop.Settings.of(40, 16, 0.05, 3, 40), split, new Squares(), new ArrayList<>());
        float[] learned = checkpoint(tmp);
        for (int j = 0; j < 3; j++) {
            assertEquals(WEIGHTS[j], learned[j], 0.02, "weight " + j);
        }
        assertEquals(BIAS, learned[3], 0.02, "bias");
        assertTrue(h.bestValidationLoss() < 1e-3, h.toString());
        assertTrue(h.epochs().get(0).validationLoss() > 100 * h.bestValidationLoss(), "it learned: " + h.epochs().get(0));
    }

    @Test
    void stopsEarlyKeepsTheBestEpochAndHalvesTheRateOnPlateaus(@TempDir Path tmp) throws Exception {
        // validation losses scripted: best at epoch 4, then three epochs without a better one (patience 3)
        Squares scripted = new Squares(5, 3, 4, 2, 2.5, 2.6, 2.7, 1, 1);
        Split<Example> split = new Split<>(data(64, 1, false), data(8, 2, true));
        List<float[]> snapshots = new ArrayList<>();
        History h = fit(tmp, 3, TrainingLoop.Settings.of(20, 16, 0.01, 3, 3), split, scripted, snapshots);
        assertEquals(7, h.epochsRun());
        assertEquals(4, h.bestEpoch());
        assertEquals(2.0, h.bestValidationLoss());
        assertEquals(List.of(true, true, false, true, false, false, false), h.epochs().stream().map(Epoch::best).toList());
        // halved after ⌈3/2⌉ = 2 epochs without progress (epoch 6), not at the stopping epoch
        assertEquals(List.of(0.01, 0.01, 0.01, 0.01, 0.01, 0.005, 0.005),
                h.epochs().stream().map(Epoch::learningRate).toList());
        float[] kept = checkpoint(tmp);
        assertArrayEquals(snapshots.get(3), kept, 0f);
        assertFalse(java.util.Arrays.equals(snapshots.get(6), kept), "the last epoch's parameters are not the best");
    }

    @Test
    void aNonFiniteLossStopsTheRunBeforeItReachesTheParametersOrTheCheckpoint(@TempDir Path tmp) throws Exception {
        // 64 examples in batches of 16: calls 1-4 train epoch 1, call 5 validates it, call 7 is epoch 2's second step
        Squares squares = new Squares();
        int[] calls = {0};
        Objective<Example> poisoned = new Objective<>() {
            @Override
            public Batch batch(NDManager m, List<Example> examples) {
                return squares.batch(m, examples);
            }

            @Override
            public NDArray loss(NDList outputs, Batch batch) {
                NDArray loss = squares.loss(outputs, batch);
                return ++calls[0] == 7 ? loss.mul(Float.NaN) : loss;
            }
        };
        Split<Example> split = new Split<>(data(64, 1, false), data(16, 2, false));
        List<float[]> snapshots = new ArrayList<>();
        TrainingDivergedException e = org.junit.jupiter.api.Assertions.assertThrows(TrainingDivergedException.class,
                () -> fit(tmp, 3, TrainingLoop.Settings.of(5, 16, 0.01, 3, 5), split, poisoned, snapshots));
        assertTrue(e.getMessage().contains("training loss is NaN at epoch 2 (step 6)"), e.getMessage());
        assertEquals(1, snapshots.size(), "only epoch 1 finished");
        float[] kept = checkpoint(tmp);
        assertArrayEquals(snapshots.get(0), kept, 0f);
        for (float v : kept) {
            assertTrue(Float.isFinite(v), "checkpoint " + java.util.Arrays.toString(kept));
        }
    }

    @Test
    void sameSeedGivesTheSameCurvesAnotherSeedOthers(@TempDir Path tmp) throws Exception {
        List<List<Double>> curves = new ArrayList<>();
        for (long seed : new long[] {7, 7, 8}) {
            Split<Example> split = Split.shuffled(data(200, 1, false), new Random(seed), 0.2);
            History h = fit(tmp.resolve("run" + curves.size()), seed, TrainingLoop.Settings.of(5, 16, 0.01, seed, 5),
                    split, new Squares(), new ArrayList<>());
            curves.add(h.epochs().stream().flatMap(e -> java.util.stream.Stream.of(e.trainLoss(), e.validationLoss()))
                    .toList());
        }
        assertEquals(curves.get(0), curves.get(1));
        assertNotEquals(curves.get(0), curves.get(2));
        Curves.write(List.of(new Epoch(1, 2, 3, 0.1, true, 0.5)), "toy", tmp);
        assertEquals("epoch,trainLoss,validationLoss,learningRate,best,seconds\n1,2.0,3.0,0.1,true,0.5\n",
                java.nio.file.Files.readString(tmp.resolve(Curves.CSV)));
    }

    /** Thrown by a progress callback to stop a run after an epoch, as a kill once the epoch's state is written. */
    static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    static History run(Path dir, TrainingLoop.Settings settings, Split<Example> split, Objective<Example> objective,
                       java.util.Map<String, String> options, int killAfter, List<float[]> snapshots) throws IOException {
        Model[] model = new Model[1];
        return TrainingLoop.run(settings, NETWORK::build, new Shape(settings.batchSize(), 3), m -> model[0] = m, split,
                new Random(settings.seed()), objective, new Checkpoint(dir, "toy"), options,
                (e, n, train, validation, best, seconds) -> {
                    snapshots.add(parameters(model[0]));
                    if (e == killAfter) {
                        throw new Killed();
                    }
                });
    }

    /** The history without the wall times (which a resumed run cannot repeat). */
    static List<List<Object>> rows(History h) {
        return h.epochs().stream().<List<Object>>map(e -> List.of(e.epoch(), e.trainLoss(), e.validationLoss(),
                e.learningRate(), e.best())).toList();
    }

    /**
     * A run killed after epoch k (its state written) and rerun with the same settings ends with the
     * uninterrupted run's history, best epoch, checkpoint and last parameters, for a cut before a stall,
     * inside the halving schedule's count and just before early stopping; a finished run continues to
     * more epochs as if it had been asked for them at once. The validation losses are scripted (the
     * resumed objective is given the rest of the script) so that the patience counter, the rate halving
     * and early stopping all cross the cut.
     */
    @Test
    void anInterruptedRunResumesToTheUninterruptedOne(@TempDir Path tmp) throws Exception {
        // patience 3: best at 1, 2, then stalls at 3, 4 (rate halved), best at 5, stalls at 6, 7 (halved), 8: stop
        double[] script = {5, 3, 4, 4.5, 2, 2.5, 2.6, 2.7, 1, 1};
        TrainingLoop.Settings settings = TrainingLoop.Settings.of(10, 16, 0.01, 3, 3);
        Split<Example> split = new Split<>(data(64, 1, false), data(8, 2, true));
        java.util.Map<String, String> options = java.util.Map.of("--hidden", "none");
        List<float[]> full = new ArrayList<>();
        History uninterrupted = run(tmp.resolve("full"), settings, split, new Squares(script), options, -1, full);
        assertEquals(8, uninterrupted.epochsRun());
        assertEquals(5, uninterrupted.bestEpoch());
        assertEquals(List.of(0.01, 0.01, 0.01, 0.005, 0.005, 0.005, 0.0025, 0.0025),
                uninterrupted.epochs().stream().map(Epoch::learningRate).toList());
        for (int cut : new int[] {2, 4, 7}) {
            Path dir = tmp.resolve("cut" + cut);
            List<float[]> snapshots = new ArrayList<>();
            org.junit.jupiter.api.Assertions.assertThrows(Killed.class,
                    () -> run(dir, settings, split, new Squares(script), options, cut, snapshots));
            assertEquals(cut, TrainingLoop.resumable(new Checkpoint(dir, "toy"), settings, options));
            List<float[]> rest = new ArrayList<>();
            History resumed = run(dir, settings, split,
                    new Squares(java.util.Arrays.copyOfRange(script, cut, script.length)), options, -1, rest);
            assertEquals(rows(uninterrupted), rows(resumed), "cut after epoch " + cut);
            assertEquals(uninterrupted.bestEpoch(), resumed.bestEpoch());
            assertEquals(uninterrupted.bestValidationLoss(), resumed.bestValidationLoss());
            assertArrayEquals(full.get(full.size() - 1), rest.get(rest.size() - 1), 0f, "last parameters, cut " + cut);
            assertArrayEquals(checkpoint(tmp.resolve("full")), checkpoint(dir), 0f, "best checkpoint, cut " + cut);
            try (var files = java.nio.file.Files.list(dir)) { // nothing half-written or temporary left behind
                assertEquals(java.util.Set.of("toy-0000.params", TrainingState.FILE),
                        files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
            }
        }
        // a finished (early-stopped) run rerun: nothing to train, the same history
        History again = run(tmp.resolve("full"), settings, split, new Squares(), options, -1, new ArrayList<>());
        assertEquals(rows(uninterrupted), rows(again));
        // a run of 3 epochs continued to 10 = the 10-epoch run
        List<float[]> shortRun = new ArrayList<>();
        run(tmp.resolve("longer"), TrainingLoop.Settings.of(3, 16, 0.01, 3, 3), split, new Squares(script), options, -1,
                shortRun);
        History longer = run(tmp.resolve("longer"), settings, split, new Squares(java.util.Arrays.copyOfRange(script, 3,
                script.length)), options, -1, shortRun);
        assertEquals(rows(uninterrupted), rows(longer));
        assertArrayEquals(full.get(full.size() - 1), shortRun.get(shortRun.size() - 1), 0f);
    }

    /**
     * A kill during {@code TrainingState.write} leaves its temporary ({@code .training-state.bin…tmp}, as big as
     * the state) and one during {@link Checkpoint#save} its temporary directory; the rerun that resumes deletes
     * them, so repeated kills do not pile up copies of the network in the model directory.
     */
    @Test
    void aResumedRunDeletesWhatKilledWritesLeftBehind(@TempDir Path tmp) throws Exception {
        Split<Example> split = new Split<>(data(64, 1, false), data(8, 2, false));
        java.util.Map<String, String> options = java.util.Map.of();
        run(tmp, TrainingLoop.Settings.of(1, 16, 0.01, 3, 3), split, new Squares(), options, -1, new ArrayList<>());
        java.nio.file.Files.write(tmp.resolve("." + TrainingState.FILE + "8123456789.tmp"), new byte[64]);
        Path saving = java.nio.file.Files.createDirectory(tmp.resolve(".toy-saving5551234"));
        java.nio.file.Files.write(saving.resolve("toy-0000.params"), new byte[64]);
        run(tmp, TrainingLoop.Settings.of(2, 16, 0.01, 3, 3), split, new Squares(), options, -1, new ArrayList<>());
        try (var files = java.nio.file.Files.list(tmp)) {
            assertEquals(java.util.Set.of("toy-0000.params", TrainingState.FILE),
                    files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    /** A rerun with other settings is refused, naming the option; so are fewer epochs than done and an unreadable state. */
    @Test
    void refusesToResumeAnotherRun(@TempDir Path tmp) throws Exception {
        TrainingLoop.Settings settings = TrainingLoop.Settings.of(4, 16, 0.01, 3, 4);
        Split<Example> split = Split.shuffled(data(64, 1, false), new Random(3), 0.2);
        java.util.Map<String, String> options = java.util.Map.of("--hidden", "8,8");
        run(tmp, TrainingLoop.Settings.of(2, 16, 0.01, 3, 4), split, new Squares(), options, -1, new ArrayList<>());
        Checkpoint checkpoint = new Checkpoint(tmp, "toy");
        assertEquals(2, TrainingLoop.resumable(checkpoint, settings, options));
        java.util.function.BiConsumer<String, org.junit.jupiter.api.function.Executable> refused = (field, call) ->
                assertEquals(field, org.junit.jupiter.api.Assertions.assertThrows(
                        org.mecopt.api.InvalidInstanceException.class, call).field());
        refused.accept("--batch-size", () -> run(tmp, TrainingLoop.Settings.of(4, 8, 0.01, 3, 4), split, new Squares(),
                options, -1, new ArrayList<>()));
        refused.accept("--learning-rate", () -> TrainingLoop.resumable(checkpoint,
                TrainingLoop.Settings.of(4, 16, 0.02, 3, 4), options));
        refused.accept("--hidden", () -> run(tmp, settings, split, new Squares(), java.util.Map.of("--hidden", "4"), -1,
                new ArrayList<>()));
        refused.accept("--decoder", () -> TrainingLoop.resumable(checkpoint, settings,
                java.util.Map.of("--hidden", "8,8", "--decoder", "rzf")));
        refused.accept("training examples", () -> run(tmp, settings, new Split<>(split.train().subList(0, 40),
                split.validation()), new Squares(), options, -1, new ArrayList<>()));
        refused.accept("--epochs", () -> TrainingLoop.resumable(checkpoint, TrainingLoop.Settings.of(1, 16, 0.01, 3, 4),
                options));
        java.nio.file.Files.write(TrainingState.file(tmp), new byte[] {0, 3, 'x', 'y'});
        refused.accept("--out", () -> TrainingLoop.resumable(checkpoint, settings, options));
    }
}

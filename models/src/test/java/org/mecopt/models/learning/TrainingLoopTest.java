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
                new Random(seed), objective, new Checkpoint(dir, "toy"),
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
}

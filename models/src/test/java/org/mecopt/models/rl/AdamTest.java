package org.mecopt.models.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mecopt.models.learning.Djl;

/** Our Adam against DJL's own (the independent reference) and across a save/load. */
class AdamTest {
    private static final float LEARNING_RATE = 0.01f;

    @BeforeAll
    static void offline() {
        Djl.offline();
    }

    private static Block network() {
        return new SequentialBlock().add(Linear.builder().setUnits(5).build()).add(Activation::tanh)
                .add(Linear.builder().setUnits(1).build());
    }

    private static float[] data(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    private static NDList input(NDManager m, int batch) {
        return new NDList(m.create(data(batch * 3, batch), new Shape(batch, 3)));
    }

    private static NDArray loss(NDList output, NDManager m, int batch) {
        NDArray target = m.create(data(batch, batch + 1), new Shape(batch, 1));
        return output.singletonOrThrow().sub(target).square().mean();
    }

    private static List<float[]> parameters(Block block) {
        List<float[]> out = new ArrayList<>();
        block.getParameters().forEach(p -> out.add(p.getValue().getArray().toFloatArray()));
        return out;
    }

    private static void steps(Block block, Adam adam, NDManager manager, int count) {
        ParameterStore store = new ParameterStore(manager, false);
        for (int s = 0; s < count; s++) {
            try (NDManager m = manager.newSubManager()) {
                Adam.zeroGradients(block);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(loss(block.forward(store, input(m, 16), true), m, 16));
                }
                adam.step();
            }
        }
    }

    @Test
    void followsDjlsAdamStepForStep() {
        try (Model model = Model.newInstance("reference"); NDManager ours = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            model.setBlock(network());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(LEARNING_RATE)).build());
            Block mine = network();
            mine.initialize(ours, DataType.FLOAT32, new Shape(16, 3));
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(16, 3));
                List<float[]> start = parameters(model.getBlock());
                for (int k = 0; k < start.size(); k++) {
                    mine.getParameters().get(k).getValue().getArray().set(start.get(k));
                }
                Adam adam = new Adam(mine, LEARNING_RATE);
                for (int s = 0; s < 30; s++) {
                    try (NDManager m = trainer.getManager().newSubManager()) {
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            gc.backward(loss(trainer.forward(input(m, 16)), m, 16));
                        }
                        trainer.step();
                    }
                    steps(mine, adam, ours, 1);
                }
                List<float[]> expected = parameters(model.getBlock());
                List<float[]> actual = parameters(mine);
                for (int k = 0; k < expected.size(); k++) {
                    assertNotEquals(start.get(k)[0], actual.get(k)[0], "parameter " + k + " moved");
                    assertArrayEquals(expected.get(k), actual.get(k), 2e-5f, "parameter " + k);
                }
                assertEquals(30, adam.steps());
            }
        }
    }

    @Test
    void aSavedAndLoadedOptimizerContinuesExactlyAsTheOriginal() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            Block a = network();
            a.initialize(manager, DataType.FLOAT32, new Shape(16, 3));
            Block b = network();
            b.initialize(manager, DataType.FLOAT32, new Shape(16, 3));
            Adam adamA = new Adam(a, LEARNING_RATE);
            steps(a, adamA, manager, 5);
            List<float[]> after5 = parameters(a);
            for (int k = 0; k < after5.size(); k++) {
                b.getParameters().get(k).getValue().getArray().set(after5.get(k));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            adamA.save(new DataOutputStream(bytes));
            Adam adamB = new Adam(b, LEARNING_RATE);
            adamB.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            steps(a, adamA, manager, 5);
            steps(b, adamB, manager, 5);
            List<float[]> expected = parameters(a);
            List<float[]> actual = parameters(b);
            for (int k = 0; k < expected.size(); k++) {
                assertArrayEquals(expected.get(k), actual.get(k), 0f, "parameter " + k);
            }
            Block fresh = network();
            fresh.initialize(manager, DataType.FLOAT32, new Shape(16, 3));
            for (int k = 0; k < after5.size(); k++) {
                fresh.getParameters().get(k).getValue().getArray().set(after5.get(k));
            }
            steps(fresh, new Adam(fresh, LEARNING_RATE), manager, 5);
            assertNotEquals(expected.get(0)[0], parameters(fresh).get(0)[0],
                    "restarted moments give another trajectory, so the comparison above can fail");
        }
    }

    @Test
    void clippingTheGradientNormIsScalingTheLossDown() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            Block clipped = network();
            clipped.initialize(manager, DataType.FLOAT32, new Shape(16, 3));
            Block scaled = network();
            scaled.initialize(manager, DataType.FLOAT32, new Shape(16, 3));
            List<float[]> start = parameters(clipped);
            for (int k = 0; k < start.size(); k++) {
                scaled.getParameters().get(k).getValue().getArray().set(start.get(k));
            }
            Adam clippedAdam = new Adam(clipped, LEARNING_RATE);
            Adam scaledAdam = new Adam(scaled, LEARNING_RATE);
            double maxNorm = 0.05;
            ParameterStore store = new ParameterStore(manager, false);
            for (int s = 0; s < 5; s++) {
                try (NDManager m = manager.newSubManager()) {
                    Adam.zeroGradients(clipped);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(loss(clipped.forward(store, input(m, 16), true), m, 16));
                    }
                    double norm = 0;
                    for (var p : clipped.getParameters()) {
                        try (NDArray g = p.getValue().getArray().getGradient()) {
                            norm += g.square().sum().getFloat();
                        }
                    }
                    norm = Math.sqrt(norm);
                    assertTrue(norm > maxNorm, "the gradient norm " + norm + " must exceed the clip for the test");
                    clippedAdam.step(maxNorm);
                    Adam.zeroGradients(scaled);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(loss(scaled.forward(store, input(m, 16), true), m, 16).mul(maxNorm / (norm + 1e-6)));
                    }
                    scaledAdam.step();
                }
            }
            List<float[]> expected = parameters(scaled);
            List<float[]> actual = parameters(clipped);
            for (int k = 0; k < expected.size(); k++) {
                assertArrayEquals(expected.get(k), actual.get(k), 1e-6f, "parameter " + k);
            }
            assertThrows(IllegalArgumentException.class, () -> clippedAdam.step(-1));
        }
    }
}

package org.mecopt.models.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mecopt.models.rl.BlockParameters;

/**
 * {@link ResumableAdam} against the reference it replaces, DJL's own {@code Adam}: the same network,
 * data and learning-rate changes give bit-identical parameters step after step; and its saved state
 * continues in a fresh model exactly where the uninterrupted run goes.
 */
class ResumableAdamTest {
    private static final int STEPS = 12;

    private static SequentialBlock block() {
        return new SequentialBlock().add(Linear.builder().setUnits(6).build()).add(BatchNorm.builder().build())
                .add(Activation::relu).add(Linear.builder().setUnits(2).build());
    }

    /** The rate of step {@code s}: halved twice along the way, as the loop's schedule may. */
    private static float rate(int s) {
        return s < 4 ? 0.01f : s < 8 ? 0.005f : 0.0025f;
    }

    /** Steps {@code from … to−1} of a regression on fixed seeded data. */
    private static void steps(Trainer trainer, int from, int to) {
        for (int s = from; s < to; s++) {
            Random r = new Random(100 + s);
            float[] x = new float[8 * 3];
            float[] y = new float[8 * 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = (float) r.nextGaussian();
            }
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray in = m.create(x, new Shape(8, 3));
                NDArray target = m.create(y, new Shape(8, 2));
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    gc.backward(trainer.forward(new ai.djl.ndarray.NDList(in)).singletonOrThrow().sub(target).square().mean());
                }
                trainer.step();
            }
        }
    }

    private static float[] parameters(Model model) {
        return TrainingLoopTest.parameters(model);
    }

    @Test
    void equalsDjlsAdamBitForBit() {
        Djl.offline();
        float[] rate = {rate(0)};
        float[][] result = new float[2][];
        for (int run = 0; run < 2; run++) {
            Engine.getInstance().setRandomSeed(5);
            try (Model model = Model.newInstance("adam")) {
                model.setBlock(block());
                ResumableAdam ours = new ResumableAdam(rate(0));
                Optimizer optimizer = run == 0
                        ? Optimizer.adam().optLearningRateTracker((Tracker) update -> rate[0]).build() : ours;
                try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(optimizer))) {
                    trainer.initialize(new Shape(8, 3));
                    for (int s = 0; s < STEPS; s++) {
                        rate[0] = rate(s);
                        ours.setLearningRate(rate(s));
                        steps(trainer, s, s + 1);
                    }
                    if (run == 1) {
                        assertEquals(STEPS, ours.updates());
                    }
                }
                result[run] = parameters(model);
            }
        }
        assertArrayEquals(result[0], result[1], 0f, "DJL's Adam = ResumableAdam");
    }

    @Test
    void savedStateContinuesTheUninterruptedRun() throws Exception {
        Djl.offline();
        int half = STEPS / 2;
        float[] uninterrupted;
        float[] resumed;
        byte[] saved = null;
        Engine.getInstance().setRandomSeed(6);
        try (Model model = Model.newInstance("adam")) {
            model.setBlock(block());
            ResumableAdam adam = new ResumableAdam(rate(0));
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam))) {
                trainer.initialize(new Shape(8, 3));
                for (int s = 0; s < STEPS; s++) {
                    adam.setLearningRate(rate(s));
                    steps(trainer, s, s + 1);
                    if (s == half - 1) {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        try (DataOutputStream out = new DataOutputStream(bytes)) {
                            BlockParameters.save(model.getBlock(), out);
                            adam.save(model.getBlock(), out);
                        }
                        saved = bytes.toByteArray();
                    }
                }
            }
            uninterrupted = parameters(model);
        }
        assertFalse(saved == null);
        Engine.getInstance().setRandomSeed(99); // another initialization: everything must come from the state
        try (Model model = Model.newInstance("adam")) {
            model.setBlock(block());
            ResumableAdam adam = new ResumableAdam(0.5f);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam))) {
                trainer.initialize(new Shape(8, 3));
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
                    BlockParameters.load(model.getBlock(), in);
                    adam.load(model.getBlock(), in);
                }
                assertEquals(half, adam.updates());
                assertEquals(rate(half - 1), adam.learningRate());
                for (int s = half; s < STEPS; s++) {
                    adam.setLearningRate(rate(s));
                    steps(trainer, s, s + 1);
                }
            }
            resumed = parameters(model);
        }
        assertArrayEquals(uninterrupted, resumed, 0f, "resumed = uninterrupted");
        // without the moments (a fresh Adam on the same parameters) the run goes elsewhere: the test can fail
        Engine.getInstance().setRandomSeed(99);
        try (Model model = Model.newInstance("adam")) {
            model.setBlock(block());
            ResumableAdam adam = new ResumableAdam(rate(half));
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam))) {
                trainer.initialize(new Shape(8, 3));
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
                    BlockParameters.load(model.getBlock(), in);
                }
                for (int s = half; s < STEPS; s++) {
                    adam.setLearningRate(rate(s));
                    steps(trainer, s, s + 1);
                }
            }
            assertFalse(java.util.Arrays.equals(uninterrupted, parameters(model)), "fresh moments differ");
        }
    }
}

package org.mecopt.models.rl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.pytorch.engine.PtEngine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Arrays;

/** DJL blocks for the RL layer's networks: fully connected, ReLU between layers, float32. */
public final class Networks {
    private static final String NUM_THREADS = "ai.djl.pytorch.num_threads";
    private static final String NUM_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

    private Networks() {
    }

    /**
     * An uninitialized MLP {@code in → hidden… → out}: a linear layer per entry of {@code hidden}
     * followed by ReLU, then a linear output layer and {@code output}. {@link Mlp#of} reads it back
     * for plain-Java acting.
     */
    public static SequentialBlock mlp(int in, int[] hidden, int out, Mlp.Output output) {
        return mlp(in, hidden, out, output, false);
    }

    /**
     * As {@link #mlp(int, int[], int, Mlp.Output)}, with {@code layerNorm} a layer normalization
     * (DJL's {@code LayerNorm} over the units, learned scale and shift, ε = 1e-5) between each hidden
     * linear layer and its ReLU, as seed 000's networks use "for stabilizing the training".
     */
    public static SequentialBlock mlp(int in, int[] hidden, int out, Mlp.Output output, boolean layerNorm) {
        if (in < 1) {
            throw new IllegalArgumentException("in = " + in + " must be >= 1");
        }
        if (out < 1) {
            throw new IllegalArgumentException("out = " + out + " must be >= 1");
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden = " + Arrays.toString(hidden) + ": every layer needs >= 1 unit");
            }
        }
        SequentialBlock block = new SequentialBlock();
        for (int h : hidden) {
            block.add(Linear.builder().setUnits(h).build());
            if (layerNorm) {
                block.add(LayerNorm.builder().build());
            }
            block.add(Activation.reluBlock());
        }
        block.add(Linear.builder().setUnits(out).build());
        if (output == Mlp.Output.TANH) {
            block.add(Activation.tanhBlock());
        } else if (output == Mlp.Output.SIGMOID) {
            block.add(Activation.sigmoidBlock());
        }
        return block;
    }

    /**
     * Initializes {@code block}'s float32 parameters in {@code manager} for inputs of {@code in}
     * entries (DJL's default initializers, seeded by {@code Engine.setRandomSeed}).
     */
    public static <B extends Block> B initialize(B block, NDManager manager, int in) {
        block.initialize(manager, DataType.FLOAT32, new Shape(1, in));
        return block;
    }

    /**
     * Runs the engine's operators on one thread unless the user chose a count
     * ({@code -Dai.djl.pytorch.num_threads}). Why: RL's tensors are small (batch ≤ 256, layers of a
     * few hundred units), so handing an operator to a second thread costs more than it saves, and
     * with the cores busy the engine's waiting threads make it far worse: 19–23 ms per DQN
     * update with the default two threads against 1.6 ms with one, measured on this 2-core machine
     * under load. It also takes the thread count out of reproducibility. The setting is the engine's,
     * so it holds for the rest of the JVM.
     */
    public static void oneEngineThread() {
        if (System.getProperty(NUM_THREADS) != null) {
            return;
        }
        System.setProperty(NUM_THREADS, "1"); // read when the engine loads
        System.setProperty(NUM_INTEROP_THREADS, "1");
        if (Engine.getInstance() instanceof PtEngine && JniUtils.getNumThreads() != 1) {
            JniUtils.setNumThreads(1); // the engine had loaded already
        }
    }
}

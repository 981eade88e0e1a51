package org.mecopt.models.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma &amp; Ba) over a DJL block's parameters, its moment estimates held in Java arrays.
 *
 * <p>Why not DJL's {@code Optimizer.adam()}: its moments live inside the optimizer with no API to
 * read or write them, so a resumed run would restart them and diverge from the uninterrupted one.
 * Here they are plain arrays that {@link #save}/{@link #load} write, and a resumed run continues bit
 * for bit. The parameters of the RL networks are small (tens of thousands of floats), so copying each
 * parameter and its gradient out of the engine and the parameter back in costs a few JNI calls per
 * parameter, far less than the forward and backward passes.
 *
 * <p>The update is PyTorch's {@code torch.optim.Adam} without weight decay:
 * {@code m ← β₁m + (1−β₁)g}, {@code v ← β₂v + (1−β₂)g²},
 * {@code w ← w − lr · (m / (1−β₁ᵗ)) / (√(v / (1−β₂ᵗ)) + ε)}. {@code AdamTest} checks it against DJL's
 * own Adam on the same problem.
 */
public final class Adam {
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    private final List<NDArray> parameters = new ArrayList<>();
    private final List<float[]> means = new ArrayList<>();
    private final List<float[]> variances = new ArrayList<>();
    private final double learningRate;
    private long steps;

    /** Optimizes every parameter of the initialized {@code block} that requires a gradient. */
    public Adam(Block block, double learningRate) {
        this(trainable(block), learningRate);
    }

    /** Optimizes {@code parameters} (initialized, each requiring a gradient). */
    public Adam(List<Parameter> parameters, double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate = " + learningRate + " must be > 0 and finite");
        }
        this.learningRate = learningRate;
        for (Parameter p : parameters) {
            NDArray array = p.getArray();
            if (!array.hasGradient()) {
                throw new IllegalArgumentException("parameter " + p.getName() + " does not require a gradient");
            }
            this.parameters.add(array);
            int size = Math.toIntExact(array.size());
            means.add(new float[size]);
            variances.add(new float[size]);
        }
    }

    private static List<Parameter> trainable(Block block) {
        List<Parameter> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                out.add(p.getValue());
            }
        }
        return out;
    }

    /**
     * Sets every gradient of {@code block} to zero. The engine accumulates gradients across backward
     * passes, and a backward pass through two networks (the actor's loss through the critic) fills
     * both: call it before every backward pass.
     */
    public static void zeroGradients(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            if (array.hasGradient()) {
                try (NDArray gradient = array.getGradient()) {
                    gradient.subi(gradient);
                }
            }
        }
    }

    /** One step along the gradients the last backward pass left in the parameters. */
    public void step() {
        step(0);
    }

    /**
     * One step, the gradients first scaled down to a global L2 norm of at most {@code maxGradientNorm}
     * when they exceed it (as PyTorch's {@code clip_grad_norm_}); 0 for no clipping.
     */
    public void step(double maxGradientNorm) {
        if (!(maxGradientNorm >= 0)) {
            throw new IllegalArgumentException("maxGradientNorm = " + maxGradientNorm + " must be >= 0 (0 = no clipping)");
        }
        List<float[]> gradients = new ArrayList<>(parameters.size());
        double squares = 0;
        for (NDArray parameter : parameters) {
            try (NDArray gradient = parameter.getGradient()) {
                float[] g = gradient.toFloatArray();
                for (float x : g) {
                    squares += (double) x * x;
                }
                gradients.add(g);
            }
        }
        double norm = Math.sqrt(squares);
        double scale = maxGradientNorm > 0 && norm > maxGradientNorm ? maxGradientNorm / (norm + 1e-6) : 1;
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        for (int k = 0; k < parameters.size(); k++) {
            NDArray parameter = parameters.get(k);
            float[] g = gradients.get(k);
            float[] w = parameter.toFloatArray();
            float[] m = means.get(k);
            float[] v = variances.get(k);
            for (int i = 0; i < w.length; i++) {
                double gi = scale * g[i];
                m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * gi);
                v[i] = (float) (BETA2 * v[i] + (1 - BETA2) * gi * gi);
                double denominator = Math.sqrt(v[i] / correction2) + EPSILON;
                w[i] = (float) (w[i] - learningRate * (m[i] / correction1) / denominator);
            }
            parameter.set(w);
        }
    }

    /** Steps taken so far (the bias corrections' {@code t}). */
    public long steps() {
        return steps;
    }

    /** Writes the step count and the moments (not the parameters: the network saves those). */
    public void save(DataOutputStream out) throws IOException {
        out.writeLong(steps);
        out.writeInt(parameters.size());
        for (int k = 0; k < parameters.size(); k++) {
            writeFloats(out, means.get(k));
            writeFloats(out, variances.get(k));
        }
    }

    /** Reads what {@link #save} wrote for an optimizer of the same network shape. */
    public void load(DataInputStream in) throws IOException {
        long savedSteps = in.readLong();
        int count = in.readInt();
        if (count != parameters.size()) {
            throw new IOException("the saved optimizer has " + count + " parameters, this network " + parameters.size());
        }
        for (int k = 0; k < count; k++) {
            readFloats(in, means.get(k));
            readFloats(in, variances.get(k));
        }
        steps = savedSteps;
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float x : values) {
            out.writeFloat(x);
        }
    }

    private static void readFloats(DataInputStream in, float[] values) throws IOException {
        int length = in.readInt();
        if (length != values.length) {
            throw new IOException("a saved moment has " + length + " entries, the parameter " + values.length);
        }
        for (int i = 0; i < length; i++) {
            values[i] = in.readFloat();
        }
    }
}

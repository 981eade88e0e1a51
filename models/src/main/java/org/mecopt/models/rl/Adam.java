package org.mecopt.models.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015) on a block's parameters, with moment estimates we own so a checkpoint can
 * save and restore them. Why not DJL's {@code Adam}: it keeps its moments private, so a resumed run
 * would restart them (RL.md). The update is the engine's fused Adam kernel (one native call per
 * parameter, the one DJL's optimizer calls), with the bias correction folded into the step size:
 * {@code θ ← θ − lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m/(√v + ε)}, which differs from the textbook form only in
 * where ε enters ({@code AdamTest} checks it against a plain-Java textbook Adam). An optional
 * gradient scale applies global-norm clipping without another pass over the parameters.
 */
public final class Adam {
    private static final String MAGIC = "mecopt-adam-1";

    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final List<NDArray[]> moments = new ArrayList<>(); // per trainable parameter: {m, v}
    private long steps;

    /** With β₁ = 0.9, β₂ = 0.999, ε = 1e-8 (PyTorch's and DJL's defaults). */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate = " + learningRate + " must be > 0");
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 = " + beta1 + " must be in [0, 1)");
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 = " + beta2 + " must be in [0, 1)");
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon = " + epsilon + " must be > 0");
        }
        this.learningRate = (float) learningRate;
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
    }

    /** Updates taken so far. */
    public long steps() {
        return steps;
    }

    /**
     * One update of every trainable parameter of {@code block} from its current gradient, each
     * gradient multiplied by {@code gradientScale} first (1 for none; see {@link #clipScale}). The
     * gradients are left at zero for the next backward pass.
     */
    public void step(Block block, double gradientScale) {
        steps++;
        double correction = learningRate * Math.sqrt(1 - Math.pow(beta2, steps)) / (1 - Math.pow(beta1, steps));
        int k = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!p.getValue().requiresGradient()) {
                continue;
            }
            NDArray weight = p.getValue().getArray();
            if (k == moments.size()) {
                moments.add(new NDArray[] {weight.zerosLike(), weight.zerosLike()});
            }
            NDArray[] mv = moments.get(k++);
            try (NDArray gradient = weight.getGradient()) {
                // the engine's fused kernel, as DJL's own Adam calls it: inputs (θ, g, m, v), output θ
                weight.getNDArrayInternal().adamUpdate(new NDList(weight, gradient, mv[0], mv[1]), new NDList(weight),
                        learningRate, (float) correction, 0f, (float) gradientScale, -1f, beta1, beta2, epsilon,
                        true, false);
                // the engine accumulates gradients across backward passes: consume them here, so the
                // next pass starts from zero and no other network's backward leaks into this one
                gradient.subi(gradient);
            }
        }
    }

    /**
     * The factor that scales the gradients of {@code block} to a global L2 norm of at most
     * {@code maxNorm} (1 when already within it, or when {@code maxNorm} is 0: no clipping).
     */
    public static double clipScale(Block block, double maxNorm) {
        if (maxNorm <= 0) {
            return 1;
        }
        double sum = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                try (NDArray gradient = p.getValue().getArray().getGradient()) {
                    for (float g : gradient.toFloatArray()) {
                        sum += (double) g * g;
                    }
                }
            }
        }
        double norm = Math.sqrt(sum);
        return norm > maxNorm ? maxNorm / (norm + 1e-6) : 1;
    }

    /** Writes the step count and the moments (after {@link #step} initialized them, or none). */
    public void save(DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        out.writeLong(steps);
        out.writeInt(moments.size());
        for (NDArray[] mv : moments) {
            for (NDArray a : mv) {
                float[] values = a.toFloatArray();
                out.writeInt(values.length);
                ReplayBuffer.writeFloats(out, values, values.length);
            }
        }
    }

    /** Restores what {@link #save} wrote, for the same architecture as {@code block}. */
    public void load(DataInputStream in, Block block) throws IOException {
        String magic = in.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException("not an Adam state (header " + magic + ")");
        }
        steps = in.readLong();
        int count = in.readInt();
        List<NDArray> trainable = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                trainable.add(p.getValue().getArray());
            }
        }
        if (count != 0 && count != trainable.size()) {
            throw new IOException("the Adam state has " + count + " parameters, the network " + trainable.size());
        }
        moments.forEach(mv -> {
            mv[0].close();
            mv[1].close();
        });
        moments.clear();
        for (int k = 0; k < count; k++) {
            NDArray weight = trainable.get(k);
            NDArray[] mv = new NDArray[2];
            for (int j = 0; j < 2; j++) {
                float[] values = new float[in.readInt()];
                if (values.length != weight.size()) {
                    throw new IOException("parameter " + k + " has " + weight.size() + " entries, its Adam moment "
                            + values.length);
                }
                ReplayBuffer.readFloats(in, values, values.length);
                mv[j] = weight.getManager().create(values, weight.getShape());
            }
            moments.add(mv);
        }
    }
}

package org.mecopt.models.learning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link TrainingLoop}'s optimizer: DJL's Adam, step for step, with moments and step counts we own so
 * that a resumed run continues from them instead of restarting them. Why not DJL's {@code Adam}: it keeps
 * its moments and counts private (no accessor, no save), so a resumed run would restart Adam from zero
 * moments and bias corrections. Why not the RL layer's {@code org.mecopt.models.rl.Adam}: it steps a
 * block outside DJL's trainer, while the loop steps through {@code Trainer.step()}; and every model
 * trained so far was trained by DJL's Adam, whose results a resumable loop must not change.
 *
 * <p>The update is the one DJL 0.35's {@code Adam.update} makes (the engine's fused Adam kernel with the
 * same arguments: step size {@code lr·√(1−β₂ᵗ)/(1−β₁ᵗ)} in float, no weight decay, no gradient rescaling
 * or clipping, β₁ = 0.9, β₂ = 0.999, ε = 1e-8), with {@code t} counted as DJL counts it: the largest
 * per-parameter update count so far. {@code ResumableAdamTest} checks it against DJL's Adam bit for bit.
 * One device (the CPU): the moments are kept per parameter, not per parameter and device.
 */
public final class ResumableAdam extends Optimizer {
    private static final String MAGIC = "mecopt-loop-adam-1";
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private float learningRate;
    /** Per parameter id (DJL's, different in every process): {m, v}. */
    private final Map<String, NDArray[]> moments = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private int updates;

    public ResumableAdam(float learningRate) {
        super(new Defaults());
        setLearningRate(learningRate);
    }

    /** DJL's optimizer defaults: no rescaling, no weight decay, no clipping, counts from 0. */
    private static final class Defaults extends OptimizerBuilder<Defaults> {
        @Override
        protected Defaults self() {
            return this;
        }
    }

    /** The rate of the next steps (the loop's schedule sets it between epochs). */
    public void setLearningRate(float rate) {
        if (!(rate > 0) || !Float.isFinite(rate)) {
            throw new IllegalArgumentException("learning rate = " + rate + " must be > 0");
        }
        learningRate = rate;
    }

    public float learningRate() {
        return learningRate;
    }

    /** DJL's {@code t}: the largest number of updates any parameter has had. */
    public int updates() {
        return updates;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int count = counts.merge(parameterId, 1, Integer::sum);
        updates = Math.max(updates, count);
        int t = updates;
        double coef1 = 1.0 - Math.pow(BETA1, t);
        double coef2 = 1.0 - Math.pow(BETA2, t);
        float lr = (float) (learningRate * Math.sqrt(coef2) / coef1);
        NDArray[] mv = moments.computeIfAbsent(parameterId, id -> new NDArray[] {weight.zerosLike(), weight.zerosLike()});
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, mv[0], mv[1]), new NDList(weight), learningRate,
                lr, getWeightDecay(), rescaleGrad, clipGrad, BETA1, BETA2, EPSILON, true, false);
    }

    /**
     * Writes the rate, {@code t}, and per parameter of {@code block} (by its name in the block, in order)
     * its update count and moments, or that it has none yet.
     */
    public void save(Block block, DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        out.writeFloat(learningRate);
        out.writeInt(updates);
        out.writeInt(block.getParameters().size());
        for (Pair<String, Parameter> p : block.getParameters()) {
            String id = p.getValue().getId();
            NDArray[] mv = moments.get(id);
            out.writeUTF(p.getKey());
            out.writeInt(counts.getOrDefault(id, 0));
            out.writeBoolean(mv != null);
            if (mv != null) {
                for (NDArray a : mv) {
                    float[] values = a.toFloatArray();
                    out.writeInt(values.length);
                    for (float v : values) {
                        out.writeFloat(v);
                    }
                }
            }
        }
    }

    /** Restores what {@link #save} wrote, onto the parameters of {@code block} (same architecture, same names). */
    public void load(Block block, DataInputStream in) throws IOException {
        String magic = in.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException("not an Adam state (header " + magic + ")");
        }
        float rate = in.readFloat();
        int t = in.readInt();
        int count = in.readInt();
        if (count != block.getParameters().size()) {
            throw new IOException("the Adam state has " + count + " parameters, the network " + block.getParameters().size());
        }
        Map<String, NDArray[]> restored = new HashMap<>();
        Map<String, Integer> restoredCounts = new HashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            String name = in.readUTF();
            if (!name.equals(p.getKey())) {
                throw new IOException("the Adam state's parameter " + name + " is " + p.getKey() + " in the network");
            }
            NDArray weight = p.getValue().getArray();
            int n = in.readInt();
            if (n > 0) {
                restoredCounts.put(p.getValue().getId(), n);
            }
            if (in.readBoolean()) {
                NDArray[] mv = new NDArray[2];
                for (int j = 0; j < 2; j++) {
                    float[] values = new float[in.readInt()];
                    if (values.length != weight.size()) {
                        throw new IOException("parameter " + name + " has " + weight.size() + " entries, its Adam moment "
                                + values.length);
                    }
                    for (int k = 0; k < values.length; k++) {
                        values[k] = in.readFloat();
                    }
                    mv[j] = weight.getManager().create(values, weight.getShape());
                }
                restored.put(p.getValue().getId(), mv);
            }
        }
        moments.values().forEach(mv -> {
            mv[0].close();
            mv[1].close();
        });
        moments.clear();
        moments.putAll(restored);
        counts.clear();
        counts.putAll(restoredCounts);
        updates = t;
        setLearningRate(rate);
    }
}

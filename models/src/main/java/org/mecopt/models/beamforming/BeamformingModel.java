package org.mecopt.models.beamforming;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.beamforming.BeamformingInstance;
import org.mecopt.beamforming.BeamformingSolution;
import org.mecopt.models.learning.Djl;
import org.mecopt.models.learning.ModelManifest;
import org.mecopt.models.learning.Predictor;
import org.mecopt.models.learning.Standardization;
import org.mecopt.models.rl.Mlp;

/**
 * A trained cmtssl, dmtssl or datl model: its task ({@link BeamformingTask}), its parameters, and
 * two forward passes. One instance at a time runs in plain Java ({@link Mlp}, the parameters copied
 * out of the DJL block once at load): a DJL operation costs some tens of µs whatever its size, so the
 * engine's forward at batch 1 is dominated by overhead (docs/models.md found the same for the
 * CNN-LSTM). Batches ({@link #predictAll}) run on the engine.
 */
public final class BeamformingModel implements Predictor<BeamformingInstance, BeamformingSolution> {
    public static final String PARAMS_PREFIX = "beamformer";
    private static final int ENGINE_BATCH = 256;

    private final Model model;
    private final BeamformingTask task;
    private final ModelManifest manifest;
    /** cmtssl: trunk, beams head, allocation head. dmtssl: one per station. */
    private final List<Mlp> mlps;

    private BeamformingModel(Model model, BeamformingTask task, ModelManifest manifest) {
        this.model = model;
        this.task = task;
        this.manifest = manifest;
        this.mlps = mlps(model.getBlock(), task.arch());
    }

    /** A fresh model with an uninitialized block. */
    static Model newModel(BeamformingArchitecture arch) {
        Djl.offline();
        Model m = Model.newInstance(PARAMS_PREFIX);
        m.setBlock(arch.build());
        return m;
    }

    public static BeamformingModel load(Path dir) throws IOException {
        return load(dir, ModelManifest.read(dir));
    }

    static BeamformingModel load(Path dir, ModelManifest manifest) throws IOException {
        if (!BeamformingTask.NAME.equals(manifest.task())) {
            throw new InvalidInstanceException("model.task", manifest.task(), "must be " + BeamformingTask.NAME);
        }
        JsonNode fields = manifest.taskFields();
        BeamformingArchitecture arch = BeamformingArchitecture.fromJson(fields.path("architecture"));
        JsonNode norm = fields.path("normalization");
        BeamformingTask task = new BeamformingTask(arch, new Standardization(norm.path("mean").asDouble(),
                norm.path("std").asDouble(1)));
        Model m = newModel(arch);
        try {
            m.load(dir, PARAMS_PREFIX);
        } catch (MalformedModelException e) {
            m.close();
            throw new IOException("cannot read the parameters in " + dir + ": " + e.getMessage(), e);
        }
        return new BeamformingModel(m, task, manifest);
    }

    /** The plain-Java networks of {@code block} (built by {@link BeamformingArchitecture#build}). */
    static List<Mlp> mlps(Block block, BeamformingArchitecture arch) {
        List<Block> children = block.getChildren().values();
        List<Mlp> out = new ArrayList<>();
        if (arch.method().perStation()) {
            StationNetworks stations = (StationNetworks) children.get(0);
            for (int b = 0; b < arch.dims().stations(); b++) {
                out.add(Mlp.of(stations.station(b), Mlp.Output.IDENTITY));
            }
            return out;
        }
        out.add(Mlp.of(children.get(0), Mlp.Output.IDENTITY)); // the trunk; ReLU after its last layer is ours
        List<Block> heads = ((ParallelBlock) children.get(1)).getChildren().values();
        out.add(Mlp.of(heads.get(0), Mlp.Output.IDENTITY));
        out.add(Mlp.of(heads.get(1), Mlp.Output.IDENTITY));
        return out;
    }

    public BeamformingTask task() {
        return task;
    }

    public BeamformingArchitecture architecture() {
        return task.arch();
    }

    public ModelManifest modelManifest() {
        return manifest;
    }

    Block block() {
        return model.getBlock();
    }

    @Override
    public void checkFits(BeamformingInstance instance) {
        task.checkShape(instance);
    }

    @Override
    public String covers() {
        return task.arch().dims().toString();
    }

    /** The network's beam outputs and gate logits ({@link BeamformingTask#raw}) of one instance, in plain Java. */
    double[][] rawOutputs(BeamformingInstance instance) {
        float[] x = task.encode(instance);
        BeamformingArchitecture arch = task.arch();
        float[] out;
        if (arch.method().perStation()) {
            int local = 2 * arch.dims().localCoefficients();
            int per = arch.stationOutputs();
            out = new float[arch.dims().stations() * per];
            double[] in = new double[local];
            for (int b = 0; b < arch.dims().stations(); b++) {
                for (int k = 0; k < local; k++) {
                    in[k] = x[b * local + k];
                }
                double[] y = mlps.get(b).forward(in);
                for (int k = 0; k < per; k++) {
                    out[b * per + k] = (float) y[k];
                }
            }
        } else {
            double[] in = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                in[k] = x[k];
            }
            double[] hidden = mlps.get(0).forward(in);
            for (int k = 0; k < hidden.length; k++) {
                hidden[k] = Math.max(0, hidden[k]);
            }
            double[] beams = mlps.get(1).forward(hidden);
            double[] logits = mlps.get(2).forward(hidden);
            out = new float[beams.length + logits.length];
            for (int k = 0; k < beams.length; k++) {
                out[k] = (float) beams[k];
            }
            for (int k = 0; k < logits.length; k++) {
                out[beams.length + k] = (float) logits[k];
            }
        }
        return task.raw(out, 0);
    }

    @Override
    public BeamformingSolution predict(BeamformingInstance instance) {
        double[][] raw = rawOutputs(instance);
        return task.decode(instance, raw[0], raw[1]);
    }

    /** {@link #rawOutputs} of many instances on the engine, in batches. */
    List<double[][]> rawOutputsBatched(List<BeamformingInstance> instances) {
        List<double[][]> out = new ArrayList<>();
        BeamformingArchitecture arch = task.arch();
        int per = arch.inputs();
        for (int from = 0; from < instances.size(); from += ENGINE_BATCH) {
            List<BeamformingInstance> part = instances.subList(from, Math.min(instances.size(), from + ENGINE_BATCH));
            float[] x = new float[part.size() * per];
            for (int s = 0; s < part.size(); s++) {
                System.arraycopy(task.encode(part.get(s)), 0, x, s * per, per);
            }
            try (NDManager m = model.getNDManager().newSubManager()) {
                NDList outputs = model.getBlock().forward(new ParameterStore(m, false),
                        new NDList(m.create(x, arch.inputShape(part.size()))), false);
                // every head but the task weights, per sample, in head order: what task.raw reads
                List<float[]> heads = new ArrayList<>();
                for (int h = 0; h < outputs.size() - 1; h++) {
                    heads.add(outputs.get(h).toFloatArray());
                }
                for (int s = 0; s < part.size(); s++) {
                    int total = 0;
                    for (float[] f : heads) {
                        total += f.length / part.size();
                    }
                    float[] sample = new float[total];
                    int at = 0;
                    for (float[] f : heads) {
                        int width = f.length / part.size();
                        System.arraycopy(f, s * width, sample, at, width);
                        at += width;
                    }
                    out.add(task.raw(sample, 0));
                }
            }
        }
        return out;
    }

    /** Predictions for many instances, the forward passes batched on the engine. */
    public List<BeamformingSolution> predictAll(List<BeamformingInstance> instances) {
        instances.forEach(this::checkFits);
        List<double[][]> raw = rawOutputsBatched(instances);
        List<BeamformingSolution> out = new ArrayList<>();
        for (int s = 0; s < instances.size(); s++) {
            out.add(task.decode(instances.get(s), raw.get(s)[0], raw.get(s)[1]));
        }
        return out;
    }

    /** The learned task weights {@code ½ e^{−s_t}} (objective, users, stations). */
    public double[] taskWeights() {
        NDArray p = model.getBlock().getParameters().valueAt(model.getBlock().getParameters().size() - 1).getArray();
        LossSettings s = LossSettings.defaults();
        return new UncertaintyWeights(manifest.hyperParameters().path("maxLogVariance").asDouble(s.maxLogVariance()))
                .weights(p.toFloatArray());
    }

    @Override
    public void close() {
        model.close();
    }
}

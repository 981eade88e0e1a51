package org.mecopt.models.latency;

import org.mecopt.models.learning.Djl;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.io.Json;
import org.mecopt.models.learning.ModelManifest;
import org.mecopt.models.learning.Predictor;
import org.mecopt.models.learning.Standardization;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.latency.LatencySolution;

/**
 * A trained CNN-LSTM for the latency problem, loaded from a model directory ({@code model.json} plus
 * the parameters {@code cnn-lstm-0000.params}). Its {@link Head} turns the output into a feasible
 * solution. Batches of up to {@value #CPU_BATCH_LIMIT} run in plain Java, concurrently (one
 * {@link CpuForward} per thread); larger ones on the engine, one at a time. The two paths agree to
 * float rounding (about 1e-6), which is checked when a model is loaded ({@link #plainJava()}).
 */
public final class LatencyModel implements Predictor<LatencyInstance, LatencySolution> {
    public static final String MANIFEST = ModelManifest.FILE;
    static final String PARAMS_PREFIX = "cnn-lstm";
    /** Batches up to this size run in plain Java, where the engine's per-operation overhead would dominate. */
    static final int CPU_BATCH_LIMIT = 16;

    private final Model model;
    private final Architecture architecture;
    private final LatencyTask task;
    private final ModelManifest manifest;
    /** Batch-1 forward passes in plain Java, one per thread (see {@link CpuForward} for why). */
    private final ThreadLocal<CpuForward> cpu;
    private final boolean plainJava;
    private volatile boolean closed;

    LatencyModel(Model model, LatencyTask task, ModelManifest manifest) {
        this.model = model;
        this.architecture = task.architecture();
        this.task = task;
        this.manifest = manifest;
        this.cpu = ThreadLocal.withInitial(() -> {
            synchronized (this) {
                return CpuForward.of(model.getBlock(), architecture);
            }
        });
        this.plainJava = plainJavaAgrees();
    }

    /**
     * Whether {@link CpuForward} computes what the engine does for this network, checked once on a
     * fixed input. It is the textbook LSTM, and so is the engine's at the state sizes we tried 20, 24,
     * 32, 50, 56, 64 and 128, but PyTorch 2.7.1's CPU LSTM as DJL calls it returns something else at
     * 8, 12, 13, 16, 40, 48, 80 and 100 on the machine where {@code CpuForwardTest} was written, and
     * agrees at 16 and 40 on others (the CPU kernel decides); where it differs a model trained there
     * is only right on the engine, so it runs there.
     */
    private boolean plainJavaAgrees() {
        int size = architecture.channels() * architecture.height() * architecture.width();
        java.util.SplittableRandom random = new java.util.SplittableRandom(size);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (2 * random.nextDouble() - 1);
        }
        float[] engine = forward(x, 1);
        float[] java = cpu.get().forward(x);
        for (int i = 0; i < engine.length; i++) {
            if (!(Math.abs(engine[i] - java[i]) <= 1e-4 * (1 + Math.abs(engine[i])))) {
                return false;
            }
        }
        return true;
    }

    /** Whether small batches run in plain Java ({@link CpuForward}); false where it differs from the engine. */
    public boolean plainJava() {
        return plainJava;
    }

    /** A fresh model with an uninitialized block. */
    static Model newModel(Architecture architecture) {
        Djl.offline();
        Model m = Model.newInstance(PARAMS_PREFIX);
        m.setBlock(architecture.build());
        return m;
    }

    /** Loads the model saved in {@code dir}: its manifest in either format, then its parameters. */
    public static LatencyModel load(Path dir) throws IOException {
        return load(dir, ModelManifest.read(dir));
    }

    /** Loads the parameters in {@code dir} for the given manifest. */
    static LatencyModel load(Path dir, ModelManifest manifest) throws IOException {
        if (!ModelManifest.LATENCY_TASK.equals(manifest.task())) {
            throw new InvalidInstanceException("model.task", manifest.task(), "must be " + ModelManifest.LATENCY_TASK);
        }
        ObjectNode fields = manifest.taskFields();
        if (!(fields.get("architecture") instanceof ObjectNode written)) {
            throw new InvalidInstanceException("model.architecture", fields.get("architecture"), "must be an object");
        }
        ObjectNode architecture = written.deepCopy();
        if (!architecture.has("hidden")) {
            architecture.put("hidden", 0); // written before the hidden layer existed: none
        }
        Architecture a;
        try {
            a = Json.mapper().treeToValue(architecture, Architecture.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e; // the record's own check, if it was one
            throw new InvalidInstanceException("model.architecture", architecture, cause.getMessage());
        }
        Features f = Features.parse(fields.path("features").asText());
        JsonNode norm = fields.path("normalization");
        LatencyTask task = new LatencyTask(a, f, new Standardization(norm.path("mean").asDouble(), norm.path("std").asDouble(1)),
                scale(fields.path("labelScale"), a.outputSize()));
        Model m = newModel(a);
        try {
            m.load(dir, PARAMS_PREFIX);
        } catch (MalformedModelException e) {
            m.close();
            throw new IOException("cannot read the parameters in " + dir + ": " + e.getMessage(), e);
        }
        return new LatencyModel(m, task, manifest);
    }

    /** The regression head's label scale from the manifest; none (identity) when absent. */
    private static Head.Scale scale(JsonNode node, int size) {
        if (node.isMissingNode() || node.isNull()) {
            return Head.Scale.none(size);
        }
        double[] min = Json.mapper().convertValue(node.get("min"), double[].class);
        double[] max = Json.mapper().convertValue(node.get("max"), double[].class);
        if (min == null || max == null || min.length != size || max.length != size) {
            throw new InvalidInstanceException("model.labelScale", node, "must hold min and max of length " + size);
        }
        return new Head.Scale(min, max);
    }

    public Architecture architecture() {
        return architecture;
    }

    /** Its task: how instances are encoded and outputs decoded. */
    public LatencyTask task() {
        return task;
    }

    ai.djl.nn.Block block() {
        return model.getBlock();
    }

    public Features features() {
        return task.features();
    }

    /** The manifest ({@code model.json}) as it reads in the current format. */
    public ObjectNode manifest() {
        return manifest.toJson();
    }

    public ModelManifest modelManifest() {
        return manifest;
    }

    Model djlModel() {
        return model;
    }

    /** Throws unless the instance has the model's shape (K, N and, for magnitudes, M). */
    @Override
    public void checkFits(LatencyInstance instance) {
        task.checkShape(instance);
    }

    @Override
    public String covers() {
        return "K=" + architecture.users() + ", N=" + architecture.subcarriers();
    }

    float[] input(LatencyInstance instance) {
        return task.encode(instance);
    }

    /** The predicted powers {@code power[n][k]}, feasible: p ≥ 0 and Σ_n p ≤ 1. */
    public double[][] power(LatencyInstance instance) {
        return solve(instance).power();
    }

    /** Batched {@link #power}. */
    public List<double[][]> powers(List<LatencyInstance> instances) {
        return predict(instances).stream().map(p -> p.solution().power()).toList();
    }

    /**
     * The model's solutions for a batch, each feasible, with whether the raw output already was.
     * Small batches run in plain Java ({@link CpuForward}), larger ones on the engine.
     */
    public List<Head.Prediction> predict(List<LatencyInstance> instances) {
        if (closed) {
            throw new IllegalStateException("the model is closed");
        }
        if (plainJava && instances.size() <= CPU_BATCH_LIMIT) {
            CpuForward forward = cpu.get();
            return instances.stream().map(instance -> {
                float[] y = forward.forward(task.encode(instance));
                return task.prediction(instance, y, 0);
            }).toList();
        }
        return decode(forward(inputs(instances), instances.size()), instances);
    }

    /** The standardized inputs of a batch, one after the other, each checked to fit the model. */
    float[] inputs(List<LatencyInstance> instances) {
        int per = architecture.channels() * architecture.height() * architecture.width();
        float[] x = new float[instances.size() * per];
        for (int i = 0; i < instances.size(); i++) {
            System.arraycopy(task.encode(instances.get(i)), 0, x, i * per, per);
        }
        return x;
    }

    /** Decodes a forward pass over {@code instances}. */
    List<Head.Prediction> decode(float[] y, List<LatencyInstance> instances) {
        int out = architecture.outputSize();
        return java.util.stream.IntStream.range(0, instances.size())
                .mapToObj(i -> task.prediction(instances.get(i), y, i * out)).toList();
    }

    /** One forward pass on the engine (DJL) over {@code batch} standardized inputs. */
    synchronized float[] forward(float[] x, int batch) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray in = manager.create(x, architecture.inputShape(batch));
            NDList out = model.getBlock().forward(new ParameterStore(manager, false), new NDList(in), false);
            return out.singletonOrThrow().toFloatArray();
        }
    }

    /** The model's solution: for the default head predicted powers with the best ratios. */
    public LatencySolution solve(LatencyInstance instance) {
        return predict(List.of(instance)).get(0).solution();
    }

    @Override
    public LatencySolution predict(LatencyInstance instance) {
        return solve(instance);
    }

    @Override
    public void close() {
        closed = true;
        model.close();
    }
}

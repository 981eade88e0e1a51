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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.io.Json;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.latency.LatencySolution;

/**
 * A trained CNN-LSTM for the latency problem, loaded from a model directory ({@code model.json} plus
 * the parameters {@code cnn-lstm-0000.params}). Its {@link Head} turns the output into a feasible
 * solution. Batches of up to {@value #CPU_BATCH_LIMIT} run in plain Java, concurrently (one
 * {@link CpuForward} per thread); larger ones on the engine, one at a time. The two paths agree to
 * float rounding (about 1e-6), which is checked when a model is loaded ({@link #plainJava()}).
 */
public final class LatencyModel implements AutoCloseable {
    public static final String MANIFEST = "model.json";
    public static final String FORMAT = "mecopt-model/1";
    static final String PARAMS_PREFIX = "cnn-lstm";
    /** Batches up to this size run in plain Java, where the engine's per-operation overhead would dominate. */
    static final int CPU_BATCH_LIMIT = 16;

    private final Model model;
    private final Architecture architecture;
    private final Features features;
    private final double mean;
    private final double std;
    private final Head.Scale scale;
    private final ObjectNode manifest;
    /** Batch-1 forward passes in plain Java, one per thread (see {@link CpuForward} for why). */
    private final ThreadLocal<CpuForward> cpu;
    private final boolean plainJava;
    private volatile boolean closed;

    LatencyModel(Model model, Architecture architecture, Features features, double mean, double std, Head.Scale scale,
                 ObjectNode manifest) {
        this.model = model;
        this.architecture = architecture;
        this.features = features;
        this.mean = mean;
        this.std = std;
        this.scale = scale;
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

    /** A fresh model with an uninitialized block (training). */
    static Model newModel(Architecture architecture) {
        Djl.offline();
        Model m = Model.newInstance(PARAMS_PREFIX);
        m.setBlock(architecture.build());
        return m;
    }

    /** Loads the model saved in {@code dir}. */
    public static LatencyModel load(Path dir) throws IOException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInstanceException("model", dir, "has no " + MANIFEST);
        }
        return load(dir, (ObjectNode) Json.mapper().readTree(file.toFile()));
    }

    /** Loads the parameters in {@code dir} for the given manifest. */
    static LatencyModel load(Path dir, ObjectNode manifest) throws IOException {
        if (!FORMAT.equals(manifest.path("format").asText())) {
            throw new InvalidInstanceException("model.format", manifest.path("format").asText(), "must be " + FORMAT);
        }
        if (!(manifest.get("architecture") instanceof ObjectNode written)) {
            throw new InvalidInstanceException("model.architecture", manifest.get("architecture"), "must be an object");
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
        Features f = Features.parse(manifest.path("features").asText());
        JsonNode norm = manifest.path("normalization");
        Model m = newModel(a);
        try {
            m.load(dir, PARAMS_PREFIX);
        } catch (MalformedModelException e) {
            m.close();
            throw new IOException("cannot read the parameters in " + dir + ": " + e.getMessage(), e);
        }
        return new LatencyModel(m, a, f, norm.path("mean").asDouble(), norm.path("std").asDouble(1),
                scale(manifest.path("labelScale"), a.outputSize()), manifest);
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

    double mean() {
        return mean;
    }

    double std() {
        return std;
    }

    Head.Scale scale() {
        return scale;
    }

    ai.djl.nn.Block block() {
        return model.getBlock();
    }

    public Features features() {
        return features;
    }

    /** The manifest ({@code model.json}) as read or written. */
    public ObjectNode manifest() {
        return manifest.deepCopy();
    }

    Model djlModel() {
        return model;
    }

    /** Throws unless the instance has the model's shape (K, N and, for magnitudes, M). */
    public void checkShape(LatencyInstance instance) {
        if (instance.userCount() != architecture.users() || instance.subcarrierCount() != architecture.subcarriers()) {
            throw new InvalidInstanceException("instance", instance,
                    "does not fit the model: it was trained for K=" + architecture.users() + ", N="
                            + architecture.subcarriers());
        }
        int w = features.width(instance);
        if (w != architecture.width()) {
            throw new InvalidInstanceException("channelMagnitude", "M=" + w,
                    "does not fit the model: it was trained for M=" + architecture.width());
        }
    }

    float[] input(LatencyInstance instance) {
        return standardize(features.raw(instance), mean, std);
    }

    static float[] standardize(double[] raw, double mean, double std) {
        float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = (float) ((raw[i] - mean) / std);
        }
        return out;
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
                checkShape(instance);
                float[] y = forward.forward(input(instance));
                return architecture.outputHead().decode(y, 0, scale, instance);
            }).toList();
        }
        return decode(forward(inputs(instances), instances.size()), instances);
    }

    /** The standardized inputs of a batch, one after the other, each checked to fit the model. */
    float[] inputs(List<LatencyInstance> instances) {
        int per = architecture.channels() * architecture.height() * architecture.width();
        float[] x = new float[instances.size() * per];
        for (int i = 0; i < instances.size(); i++) {
            checkShape(instances.get(i));
            System.arraycopy(input(instances.get(i)), 0, x, i * per, per);
        }
        return x;
    }

    /** Decodes a forward pass over {@code instances}. */
    List<Head.Prediction> decode(float[] y, List<LatencyInstance> instances) {
        int out = architecture.outputSize();
        Head head = architecture.outputHead();
        return java.util.stream.IntStream.range(0, instances.size())
                .mapToObj(i -> head.decode(y, i * out, scale, instances.get(i))).toList();
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
    public void close() {
        closed = true;
        model.close();
    }
}

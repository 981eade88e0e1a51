package org.mecopt.models.offloading;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.env.ObservationScaler;
import org.mecopt.env.Reset;
import org.mecopt.env.Step;
import org.mecopt.io.Json;
import org.mecopt.models.learning.ModelManifest;
import org.mecopt.models.learning.Predictor;
import org.mecopt.models.rl.Dqn;
import org.mecopt.models.rl.IncrementalMlp;
import org.mecopt.models.rl.Mlp;
import org.mecopt.offloading.KktAllocation;
import org.mecopt.offloading.OffloadingEnv;
import org.mecopt.offloading.OffloadingInstance;
import org.mecopt.offloading.OffloadingSolution;

/**
 * A trained DQN-RAO policy (seed 004): the Q-network over {@link OffloadingEnv}'s standardized
 * observation, played greedily over the allowed (non-full) servers, device by device; the CPU split
 * of the resulting assignment is the KKT rule. Feasible by construction: the mask never lets a
 * server overfill, and the instance's own slots are the ones masked. It fits instances with the
 * M and N it was trained for.
 *
 * <p>Plain Java, no engine: a DJL call costs ~20 µs whatever its size, more than the whole greedy
 * rollout of a small network here; and incremental ({@link IncrementalMlp}), since a step changes
 * a few coordinates of the state.
 */
public final class DqnRaoModel implements Predictor<OffloadingInstance, OffloadingSolution> {
    public static final String TASK = "offloading-dqn-rao";
    public static final String NETWORK = "q-network.mlp";
    public static final List<String> FILES = List.of(ModelManifest.FILE, NETWORK);

    private final int devices;
    private final int servers;
    private final ObservationScaler scaler;
    private final Mlp q;
    private final IncrementalMlp fast;
    private final ModelManifest manifest;

    DqnRaoModel(int devices, int servers, ObservationScaler scaler, Mlp q, ModelManifest manifest) {
        int inputs = OffloadingEnv.observationSize(devices, servers);
        if (scaler.dimension() != inputs || q.inputSize() != inputs || q.outputSize() != servers) {
            throw new InvalidInstanceException("model", devices + "×" + servers, "its scaler takes "
                    + scaler.dimension() + " inputs and its network " + q.inputSize() + " → " + q.outputSize()
                    + ", the environment has " + inputs + " → " + servers);
        }
        this.devices = devices;
        this.servers = servers;
        this.scaler = scaler;
        this.q = q;
        this.fast = new IncrementalMlp(q);
        this.manifest = manifest;
    }

    /** Reads a model directory written by {@link #save} ({@code mecopt train offloading}). */
    public static DqnRaoModel load(Path dir) throws IOException {
        ModelManifest manifest = ModelManifest.read(dir);
        if (!TASK.equals(manifest.task())) {
            throw new InvalidInstanceException("model.task", manifest.task(), "must be " + TASK);
        }
        ObjectNode f = manifest.taskFields();
        int devices = f.path("devices").asInt(-1);
        int servers = f.path("servers").asInt(-1);
        if (devices < 1 || servers < 1) {
            throw new InvalidInstanceException("model.devices/servers", devices + "×" + servers, "must be >= 1");
        }
        double[] mean = Json.mapper().convertValue(f.path("scaler").path("mean"), double[].class);
        double[] scale = Json.mapper().convertValue(f.path("scaler").path("scale"), double[].class);
        if (mean == null || scale == null) {
            throw new InvalidInstanceException("model.scaler", f.path("scaler"), "must hold mean and scale");
        }
        Path network = dir.resolve(NETWORK);
        if (!Files.isRegularFile(network)) {
            throw new InvalidInstanceException("model", dir, "has no " + NETWORK);
        }
        return new DqnRaoModel(devices, servers, new ObservationScaler(mean, scale), Mlp.load(network), manifest);
    }

    /** The same policy described by another manifest (e.g. with the measured gaps). */
    DqnRaoModel withManifest(ModelManifest other) {
        return new DqnRaoModel(devices, servers, scaler, q, other);
    }

    /** Writes the network, then the manifest (last, so a directory with a manifest is complete). */
    void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        q.save(dir.resolve(NETWORK));
        manifest.write(dir);
    }

    /** The manifest's task fields for a model of this shape and scaler. */
    static ObjectNode taskFields(int devices, int servers, ObservationScaler scaler) {
        ObjectNode f = Json.mapper().createObjectNode();
        f.put("devices", devices);
        f.put("servers", servers);
        ObjectNode s = f.putObject("scaler");
        s.set("mean", Json.mapper().valueToTree(scaler.mean()));
        s.set("scale", Json.mapper().valueToTree(scaler.scale()));
        return f;
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public Mlp network() {
        return q;
    }

    public ObservationScaler scaler() {
        return scaler;
    }

    @Override
    public void checkFits(OffloadingInstance instance) {
        if (instance.deviceCount() != devices || instance.serverCount() != servers) {
            throw new InvalidInstanceException("instance", instance.deviceCount() + "×" + instance.serverCount()
                    + " (devices × servers)", "does not fit the model, trained for " + covers());
        }
    }

    @Override
    public String covers() {
        return "M=" + devices + ", N=" + servers;
    }

    @Override
    public OffloadingSolution predict(OffloadingInstance instance) {
        return KktAllocation.solution(instance, assign(instance));
    }

    /** The greedy assignment: each device in turn to the allowed server of highest Q. */
    public int[] assign(OffloadingInstance instance) {
        checkFits(instance);
        OffloadingEnv env = OffloadingEnv.fixed(instance, OffloadingEnv.Options.KKT);
        Reset reset = env.reset(0);
        double[] obs = reset.observation();
        boolean[] mask = reset.info().actionMask();
        IncrementalMlp.Episode network = fast.begin();
        for (int m = 0; m < devices; m++) {
            Step step = env.step(Dqn.argmax(network.forward(scaler.apply(obs)), mask));
            obs = step.observation();
            mask = step.info().actionMask();
        }
        return env.assignment();
    }

    @Override
    public void close() {
        // plain arrays: nothing to release
    }
}

package org.mecopt.datasets;

import org.mecopt.api.Tensor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mecopt.api.Problem;
import org.mecopt.io.Json;
import org.mecopt.latency.LatencyGenerator;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.latency.LatencySolution;
import org.mecopt.latency.LatencyUser;
import org.mecopt.offloading.Device;
import org.mecopt.offloading.OffloadingGenerator;
import org.mecopt.offloading.OffloadingInstance;
import org.mecopt.offloading.OffloadingSolution;
import org.mecopt.offloading.Server;
import org.mecopt.qoe.QoeGenerator;
import org.mecopt.qoe.QoeInstance;
import org.mecopt.qoe.QoeSolution;
import org.mecopt.qoe.QoeUser;

/**
 * A problem family with a generator, seen as a source of labelled samples: how to draw an instance
 * from a seed and how to flatten an instance (features) and a solution (label) into named tensors.
 *
 * @param <P> the instance type
 * @param <S> its solution type
 */
public interface DatasetProblem<P extends Problem<S>, S> {

    /** The problems that have a generator, in CLI order. */
    List<String> NAMES = List.of("offloading", "latency", "qoe");

    String name();

    /** The best classical solver, used when none is named. */
    String defaultSolver();

    Class<P> problemType();

    /** The generator configuration, as recorded in the manifest. */
    JsonNode config();

    P generate(long seed);

    Map<String, Tensor> features(P instance);

    Map<String, Tensor> label(S solution);

    /**
     * The problem named {@code name} with the generator configuration {@code config} as recorded in a
     * manifest ({@link #config()}); used to rebuild a problem on another machine (Spark executors).
     */
    static DatasetProblem<?, ?> fromJson(String name, JsonNode config) {
        try {
            return switch (name) {
                case "offloading" -> of(Json.mapper().treeToValue(config, OffloadingGenerator.Config.class));
                case "latency" -> of(Json.mapper().treeToValue(config, LatencyGenerator.Config.class));
                case "qoe" -> of(Json.mapper().treeToValue(config, QoeGenerator.Config.class));
                default -> throw new org.mecopt.api.InvalidInstanceException("problem", name, "is not one of " + NAMES);
            };
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new org.mecopt.api.InvalidInstanceException("generatorConfig", config, "cannot be read: "
                    + e.getOriginalMessage());
        }
    }

    /** The problem for a generator configuration; the config's type selects the problem. */
    static DatasetProblem<?, ?> of(Object config) {
        if (config instanceof OffloadingGenerator.Config c) {
            return new Offloading(c);
        }
        if (config instanceof LatencyGenerator.Config c) {
            return new Latency(c);
        }
        if (config instanceof QoeGenerator.Config c) {
            return new Qoe(c);
        }
        throw new IllegalArgumentException("no dataset problem for " + config);
    }

    /** seed 004's offloading: M devices, N servers. */
    record Offloading(OffloadingGenerator.Config generatorConfig) implements DatasetProblem<OffloadingInstance, OffloadingSolution> {
        public String name() {
            return "offloading";
        }

        public String defaultSolver() {
            return "exact";
        }

        public Class<OffloadingInstance> problemType() {
            return OffloadingInstance.class;
        }

        public JsonNode config() {
            return Json.mapper().valueToTree(generatorConfig);
        }

        public OffloadingInstance generate(long seed) {
            return OffloadingGenerator.generate(generatorConfig, seed);
        }

        public Map<String, Tensor> features(OffloadingInstance p) {
            List<Device> d = p.devices();
            List<Server> s = p.servers();
            Map<String, Tensor> f = new LinkedHashMap<>();
            f.put("inputBits", Tensor.of(d.stream().mapToDouble(Device::inputBits).toArray()));
            f.put("cycles", Tensor.of(d.stream().mapToDouble(Device::cycles).toArray()));
            f.put("txPowerW", Tensor.of(d.stream().mapToDouble(Device::txPowerW).toArray()));
            f.put("serverCpuHz", Tensor.of(s.stream().mapToDouble(Server::cpuHz).toArray()));
            f.put("serverMaxTasks", Tensor.of(s.stream().mapToDouble(Server::maxTasks).toArray()));
            f.put("channelGain", Tensor.of(p.channelGain()));
            f.put("bandwidthHz", Tensor.scalar(p.bandwidthHz()));
            f.put("noiseW", Tensor.scalar(p.noiseW()));
            return f;
        }

        public Map<String, Tensor> label(OffloadingSolution s) {
            Map<String, Tensor> l = new LinkedHashMap<>();
            l.put("assignment", Tensor.of(s.assignment()));
            l.put("cpuHz", Tensor.of(s.cpuHz()));
            return l;
        }
    }

    /** seed 001's latency: gain[n][k][j] and |h|[n][k][l]. */
    record Latency(LatencyGenerator.Config generatorConfig) implements DatasetProblem<LatencyInstance, LatencySolution> {
        public String name() {
            return "latency";
        }

        public String defaultSolver() {
            return "ica";
        }

        public Class<LatencyInstance> problemType() {
            return LatencyInstance.class;
        }

        public JsonNode config() {
            return Json.mapper().valueToTree(generatorConfig);
        }

        public LatencyInstance generate(long seed) {
            return LatencyGenerator.generate(generatorConfig, seed);
        }

        public Map<String, Tensor> features(LatencyInstance p) {
            List<LatencyUser> u = p.users();
            Map<String, Tensor> f = new LinkedHashMap<>();
            f.put("gain", Tensor.of(p.gain()));
            f.put("channelMagnitude", Tensor.of(p.channelMagnitude()));
            f.put("taskBits", Tensor.of(u.stream().mapToDouble(LatencyUser::taskBits).toArray()));
            f.put("cyclesPerBit", Tensor.of(u.stream().mapToDouble(LatencyUser::cyclesPerBit).toArray()));
            f.put("userCpuHz", Tensor.of(u.stream().mapToDouble(LatencyUser::cpuHz).toArray()));
            f.put("subcarrierBandwidthHz", Tensor.scalar(p.subcarrierBandwidthHz()));
            f.put("serverCpuHz", Tensor.scalar(p.serverCpuHz()));
            f.put("localComputing", Tensor.scalar(p.localComputing() ? 1 : 0));
            f.put("sharedServerCpu", Tensor.scalar(p.sharedServerCpu() ? 1 : 0));
            return f;
        }

        public Map<String, Tensor> label(LatencySolution s) {
            Map<String, Tensor> l = new LinkedHashMap<>();
            l.put("power", Tensor.of(s.power()));
            l.put("offloadRatio", Tensor.of(s.offloadRatio()));
            l.put("latencyS", Tensor.of(s.latencyS()));
            return l;
        }
    }

    /** seed 003's QoE: one server, U users. */
    record Qoe(QoeGenerator.Config generatorConfig) implements DatasetProblem<QoeInstance, QoeSolution> {
        public String name() {
            return "qoe";
        }

        public String defaultSolver() {
            return "sigmoidal";
        }

        public Class<QoeInstance> problemType() {
            return QoeInstance.class;
        }

        public JsonNode config() {
            return Json.mapper().valueToTree(generatorConfig);
        }

        public QoeInstance generate(long seed) {
            return QoeGenerator.generate(generatorConfig, seed);
        }

        public Map<String, Tensor> features(QoeInstance p) {
            List<QoeUser> u = p.users();
            Map<String, Tensor> f = new LinkedHashMap<>();
            f.put("fixedLatencyS", Tensor.of(u.stream().mapToDouble(QoeUser::fixedLatencyS).toArray()));
            f.put("workloadCycles", Tensor.of(u.stream().mapToDouble(QoeUser::workloadCycles).toArray()));
            f.put("maxQoe", Tensor.of(u.stream().mapToDouble(QoeUser::maxQoe).toArray()));
            f.put("steepnessPerS", Tensor.of(u.stream().mapToDouble(QoeUser::steepnessPerS).toArray()));
            f.put("midpointS", Tensor.of(u.stream().mapToDouble(QoeUser::midpointS).toArray()));
            f.put("capacityHz", Tensor.scalar(p.capacityHz()));
            return f;
        }

        public Map<String, Tensor> label(QoeSolution s) {
            Map<String, Tensor> l = new LinkedHashMap<>();
            l.put("allocationHz", Tensor.of(s.allocationHz()));
            l.put("qoe", Tensor.of(s.qoe()));
            return l;
        }
    }
}

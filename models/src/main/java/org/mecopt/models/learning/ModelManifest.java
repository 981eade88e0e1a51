package org.mecopt.models.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.io.AtomicFiles;
import org.mecopt.io.Json;

/**
 * A model directory's {@code model.json}: which task, trunk and heads, trained how, on which data,
 * with what result. The task's own fields (its input features, normalization, sizes as its loader
 * reads them) sit beside these at the top level, in {@link #taskFields}.
 *
 * <p>Format {@value #FORMAT}. Format {@value #LEGACY_FORMAT}, written before the learning core by the
 * latency CNN-LSTM alone (the bundled model has one), is read as that task's: its trunk and head come
 * from its {@code architecture}, its loss weights from its hyper-parameters.
 *
 * @param task the learning task that reads the model (e.g. {@value #LATENCY_TASK})
 * @param problem the problem family its solutions are for
 * @param trunk the trunk's type and sizes
 * @param heads the heads in output order, each with the weights of its loss terms
 * @param hyperParameters the training's settings as given
 * @param dataset the training data, null for a model not trained on a dataset (e.g. by an RL agent)
 * @param metrics what training measured
 * @param history one entry per epoch run
 * @param taskFields the task's own top-level fields
 */
public record ModelManifest(String task, String problem, ObjectNode trunk, List<HeadEntry> heads,
                            ObjectNode hyperParameters, DatasetRef dataset, ObjectNode metrics, List<Epoch> history,
                            ObjectNode taskFields) {
    public static final String FILE = "model.json";
    public static final String FORMAT = "mecopt-model/2";
    public static final String LEGACY_FORMAT = "mecopt-model/1";
    /** The task of every {@value #LEGACY_FORMAT} model. */
    public static final String LATENCY_TASK = "latency-cnn-lstm";
    private static final Set<String> OWN = Set.of("format", "task", "problem", "trunk", "heads", "hyperParameters",
            "dataset", "metrics", "history");

    /** A head and the weights of the loss terms on it. */
    public record HeadEntry(String name, String type, Map<String, Double> lossWeights) {
        public HeadEntry {
            lossWeights = Map.copyOf(lossWeights);
        }
    }

    public ModelManifest {
        heads = List.copyOf(heads);
        history = List.copyOf(history);
    }

    public ObjectNode toJson() {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("format", FORMAT);
        m.put("task", task);
        m.put("problem", problem);
        m.set("trunk", trunk);
        ArrayNode h = m.putArray("heads");
        for (HeadEntry head : heads) {
            ObjectNode e = h.addObject();
            e.put("name", head.name());
            e.put("type", head.type());
            e.set("lossWeights", Json.mapper().valueToTree(new java.util.TreeMap<>(head.lossWeights())));
        }
        m.setAll(taskFields);
        m.set("hyperParameters", hyperParameters);
        if (dataset != null) {
            m.set("dataset", Json.mapper().valueToTree(dataset));
        }
        m.set("metrics", metrics);
        ArrayNode epochs = m.putArray("history");
        for (Epoch e : history) {
            ObjectNode n = epochs.addObject();
            n.put("epoch", e.epoch());
            n.put("trainLoss", e.trainLoss());
            n.put("validationLoss", e.validationLoss());
            n.put("learningRate", e.learningRate());
            n.put("best", e.best());
            n.put("seconds", e.seconds());
        }
        return m;
    }

    public void write(Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve(FILE), Json.toText(toJson()));
    }

    public static ModelManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInstanceException("model", dir, "has no " + FILE);
        }
        if (!(Json.mapper().readTree(file.toFile()) instanceof ObjectNode json)) {
            throw new InvalidInstanceException("model", dir, FILE + " is not a JSON object");
        }
        return fromJson(json);
    }

    public static ModelManifest fromJson(ObjectNode json) {
        String format = json.path("format").asText();
        if (!FORMAT.equals(format) && !LEGACY_FORMAT.equals(format)) {
            throw new InvalidInstanceException("model.format", format, "must be " + FORMAT + " or " + LEGACY_FORMAT);
        }
        ObjectNode taskFields = Json.mapper().createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!OWN.contains(f.getKey())) {
                taskFields.set(f.getKey(), f.getValue().deepCopy());
            }
        }
        ObjectNode hyperParameters = object(json, "hyperParameters");
        ObjectNode metrics = object(json, "metrics");
        DatasetRef dataset = json.hasNonNull("dataset")
                ? Json.mapper().convertValue(json.get("dataset"), DatasetRef.class) : null;
        List<Epoch> history = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (JsonNode e : json.path("history")) {
            double validationLoss = e.path("validationLoss").asDouble();
            boolean improved = validationLoss < best; // what the loop saved on; the first format did not record it
            best = Math.min(best, validationLoss);
            history.add(new Epoch(e.path("epoch").asInt(), e.path("trainLoss").asDouble(), validationLoss,
                    e.path("learningRate").asDouble(), e.path("best").asBoolean(improved),
                    e.path("seconds").asDouble(Double.NaN)));
        }
        if (LEGACY_FORMAT.equals(format)) {
            return legacy(json, hyperParameters, dataset, metrics, history, taskFields);
        }
        List<HeadEntry> heads = new ArrayList<>();
        for (JsonNode h : json.path("heads")) {
            Map<String, Double> weights = new LinkedHashMap<>();
            h.path("lossWeights").fields().forEachRemaining(w -> weights.put(w.getKey(), w.getValue().asDouble()));
            heads.add(new HeadEntry(h.path("name").asText(), h.path("type").asText(), weights));
        }
        return new ModelManifest(json.path("task").asText(), json.path("problem").asText(), object(json, "trunk"),
                heads, hyperParameters, dataset, metrics, history, taskFields);
    }

    /** A {@value #LEGACY_FORMAT} manifest: the latency CNN-LSTM's, its network in {@code architecture}. */
    private static ModelManifest legacy(ObjectNode json, ObjectNode hyperParameters, DatasetRef dataset,
                                        ObjectNode metrics, List<Epoch> history, ObjectNode taskFields) {
        ObjectNode trunk = object(json, "architecture").deepCopy();
        String head = trunk.path("head").asText();
        trunk.remove("head");
        double latencyWeight = hyperParameters.path("latencyWeight").asDouble(0);
        Map<String, Double> weights = latencyWeight > 0 ? Map.of("mse", 1.0, "latencyGap", latencyWeight)
                : Map.of("mse", 1.0);
        return new ModelManifest(LATENCY_TASK, json.path("problem").asText("latency"), trunk,
                List.of(new HeadEntry("power", head, weights)), hyperParameters, dataset, metrics, history, taskFields);
    }

    private static ObjectNode object(ObjectNode json, String field) {
        return json.get(field) instanceof ObjectNode o ? o.deepCopy() : Json.mapper().createObjectNode();
    }
}

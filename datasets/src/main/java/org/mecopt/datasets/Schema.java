package org.mecopt.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mecopt.io.Json;

/**
 * The tensor columns of a dataset and their shapes: features become columns {@code x_NAME}, label
 * variables {@code y_NAME}, each a flat LIST&lt;DOUBLE&gt; (row-major) whose shape is recorded here, in
 * the manifest and in every Parquet file's key-value metadata ({@code mecopt.shapes}).
 */
public record Schema(Map<String, int[]> features, Map<String, int[]> label) implements java.io.Serializable {

    public static final String FEATURE_PREFIX = "x_";
    public static final String LABEL_PREFIX = "y_";

    public Schema {
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
        label = Collections.unmodifiableMap(new LinkedHashMap<>(label));
    }

    static Schema of(Row row) {
        Map<String, int[]> f = new LinkedHashMap<>();
        row.features().forEach((k, v) -> f.put(k, v.shape()));
        Map<String, int[]> l = new LinkedHashMap<>();
        row.label().forEach((k, v) -> l.put(k, v.shape()));
        return new Schema(f, l);
    }

    /** Every tensor column name ({@code x_…} then {@code y_…}) with its shape. */
    public Map<String, int[]> columns() {
        Map<String, int[]> c = new LinkedHashMap<>();
        features.forEach((k, v) -> c.put(FEATURE_PREFIX + k, v));
        label.forEach((k, v) -> c.put(LABEL_PREFIX + k, v));
        return c;
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.set("features", shapes(features));
        node.set("label", shapes(label));
        return node;
    }

    private static ObjectNode shapes(Map<String, int[]> m) {
        ObjectNode node = Json.mapper().createObjectNode();
        m.forEach((k, v) -> {
            ArrayNode a = node.putArray(k);
            Arrays.stream(v).forEach(a::add);
        });
        return node;
    }

    public static Schema fromJson(JsonNode node) {
        return new Schema(read(node.get("features")), read(node.get("label")));
    }

    private static Map<String, int[]> read(JsonNode node) {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int[] shape = new int[e.getValue().size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = e.getValue().get(i).asInt();
            }
            m.put(e.getKey(), shape);
        }
        return m;
    }

    boolean sameAs(Schema o) {
        return toJson().equals(o.toJson());
    }
}

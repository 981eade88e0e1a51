package org.mecopt.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.OptionalField;
import org.mecopt.api.Problem;
import org.mecopt.api.Result;

/**
 * The JSON forms of instances and results, a contract users' scripts rely on. An instance is its
 * record's fields plus {@code "problem"}; a result is
 * {@code {"problem","solver","status","objective","lowerBound"|"upperBound","gap", <solution fields>,
 * "iterations","solveTimeMillis","violations","message"}}. Reading errors name the JSON field.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Json() {
    }

    /** The shared mapper (thread-safe once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** An instance as a JSON tree, {@code "problem"} first. */
    public static ObjectNode instanceTree(Problem<?> instance) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("problem", instance.problemName());
        node.setAll((ObjectNode) MAPPER.valueToTree(instance));
        return node;
    }

    public static String writeInstance(Problem<?> instance) {
        return toText(instanceTree(instance));
    }

    /**
     * Reads an instance of {@code type} whose {@code "problem"} field must be {@code problemName}.
     *
     * @throws InvalidInstanceException naming the field at fault
     */
    public static <P extends Problem<?>> P readInstance(String json, Class<P> type, String problemName) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInstanceException("instance", "<" + e.getOriginalMessage() + ">", "is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidInstanceException("instance", tree == null ? "<empty>" : tree.getNodeType(),
                    "must be a JSON object");
        }
        ObjectNode object = (ObjectNode) tree.deepCopy();
        JsonNode problem = object.remove("problem");
        if (problem == null || !problemName.equals(problem.asText())) {
            throw new InvalidInstanceException("problem", problem == null ? null : problem.asText(),
                    "must be \"" + problemName + "\"");
        }
        requireFields(object, type, "");
        try {
            return MAPPER.treeToValue(object, type);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof InvalidInstanceException invalid) {
                throw invalid;
            }
            throw new InvalidInstanceException(path(e), "<invalid>", e.getOriginalMessage());
        } catch (JsonMappingException e) {
            throw mappingError(e);
        } catch (JsonProcessingException e) {
            throw new InvalidInstanceException("instance", "<invalid>", e.getOriginalMessage());
        }
    }

    /**
     * Fails on the first record component missing from {@code node}, recursing into nested records
     * and lists of records; components marked {@link OptionalField} may be absent. Jackson's own
     * missing-property check cannot exempt single fields, hence this walk.
     */
    private static void requireFields(JsonNode node, Class<?> type, String path) {
        if (!type.isRecord() || !node.isObject()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String field = path + component.getName();
            JsonNode child = node.get(component.getName());
            if (child == null) {
                if (!component.isAnnotationPresent(OptionalField.class)) {
                    throw new InvalidInstanceException(field, "<missing>", "is required");
                }
                continue;
            }
            if (component.getType().isRecord()) {
                requireFields(child, component.getType(), field + ".");
            } else if (List.class.isAssignableFrom(component.getType()) && child.isArray()
                    && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                for (int i = 0; i < child.size(); i++) {
                    requireFields(child.get(i), element, field + "[" + i + "].");
                }
            }
        }
    }

    /**
     * A result as a JSON tree; the bound is named for the direction of optimization. An UNSUPPORTED
     * result has {@code "objective": null}, no solution fields, and its message says why.
     */
    public static ObjectNode resultTree(Result<?> result, boolean minimize) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("problem", result.problem());
        node.put("solver", result.solver());
        node.put("status", result.status().name());
        if (Double.isNaN(result.objective())) {
            node.putNull("objective"); // UNSUPPORTED: no solution to evaluate, and JSON has no NaN
        } else {
            node.put("objective", result.objective());
        }
        String boundName = minimize ? "lowerBound" : "upperBound";
        if (result.bound() == null) {
            node.putNull(boundName);
            node.putNull("gap");
        } else {
            node.put(boundName, result.bound());
            node.put("gap", result.gap());
        }
        JsonNode solution = result.solution() == null ? MAPPER.createObjectNode() : MAPPER.valueToTree(result.solution());
        for (Iterator<Map.Entry<String, JsonNode>> it = solution.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            node.set(field.getKey(), field.getValue());
        }
        node.put("iterations", result.iterations());
        node.put("solveTimeMillis", result.solveTimeMillis());
        node.set("violations", MAPPER.valueToTree(result.violations()));
        node.put("message", result.message());
        return node;
    }

    /** Reads the solution fields of a result (other fields are ignored). */
    public static <S> S readSolution(JsonNode result, Class<S> type) {
        try {
            return MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).treeToValue(result, type);
        } catch (JsonProcessingException e) {
            throw new InvalidInstanceException(e instanceof JsonMappingException m ? path(m) : "solution",
                    "<invalid>", e.getOriginalMessage());
        }
    }

    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInstanceException("json", "<" + e.getOriginalMessage() + ">", "is not valid JSON");
        }
    }

    public static String toText(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }

    /** {@code devices[3].cycles} from Jackson's reference path. */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "instance" : out.toString();
    }

    private static InvalidInstanceException mappingError(JsonMappingException e) {
        String message = e.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException) {
            return new InvalidInstanceException(path(e), "<present>", "is not a known field");
        }
        if (message.startsWith("Cannot map `null`")) {
            return new InvalidInstanceException(path(e), null, "must not be null");
        }
        if (e instanceof InvalidFormatException format) {
            return new InvalidInstanceException(path(e), format.getValue(), "must be a " + format.getTargetType().getSimpleName());
        }
        return new InvalidInstanceException(path(e), "<invalid>", "cannot be read: " + message.replaceAll("\\s+", " "));
    }
}

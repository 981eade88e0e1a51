package org.mecopt.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
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
    /**
     * Strict reading, so that what a file says is what is solved: a duplicate key is an error (not
     * "the last one wins"), nothing is coerced (no {@code "1e9"} for a number, {@code 1.5} or
     * {@code 2.0} for an integer, {@code "false"} or {@code 0} for a boolean, {@code 5} for a
     * string or an enum), nulls for primitives and trailing content are errors. Jackson still reads
     * the strings {@code "NaN"} and {@code "Infinity"} as doubles (JSON has no literal for them);
     * the records' range checks reject them, naming the field. Every JSON the project reads goes
     * through this mapper: instances, results, dataset manifests and generator configurations, model
     * manifests (what the project wrote before reads unchanged: it never wrote a coerced value).
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // ALLOW_COERCION_OF_SCALARS leaves scalar-to-string coercion on; strings must be strings
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

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
        return readInstance(readTree(json, "instance"), type, problemName);
    }

    /** As {@link #readInstance(String, Class, String)}, for JSON already parsed (a line of a stream); not modified. */
    public static <P extends Problem<?>> P readInstance(JsonNode tree, Class<P> type, String problemName) {
        if (tree == null || !tree.isObject()) {
            throw new InvalidInstanceException("instance", tree == null ? "<empty>" : tree.getNodeType(),
                    "must be a JSON object");
        }
        ObjectNode object = (ObjectNode) tree.deepCopy();
        JsonNode problem = object.remove("problem");
        if (problem == null || !problem.isTextual() || !problemName.equals(problem.asText())) {
            throw new InvalidInstanceException("problem", problem == null ? null : problem.asText(),
                    "must be \"" + problemName + "\"");
        }
        requirePresent(object, type, "");
        try {
            return MAPPER.treeToValue(object, type);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof InvalidInstanceException invalid) {
                throw invalid;
            }
            throw new InvalidInstanceException(path(e), "<invalid>", e.getOriginalMessage());
        } catch (JsonMappingException e) {
            throw mappingError(e, object);
        } catch (JsonProcessingException e) {
            throw new InvalidInstanceException(parserPath(e, "instance"), "<invalid>", e.getOriginalMessage());
        }
    }

    /**
     * Fails on the first record component missing from {@code node} or null in it, recursing into
     * nested records, lists of records and arrays, whose null elements fail too ({@code devices[0] =
     * null must not be null}); components marked {@link OptionalField} may be absent or null. Jackson's
     * own checks cannot exempt single fields, and a null list element would otherwise reach the
     * record's constructor, hence this walk.
     */
    private static void requirePresent(JsonNode node, Class<?> type, String path) {
        if (!type.isRecord() || !node.isObject()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String field = path + component.getName();
            JsonNode child = node.get(component.getName());
            if (child == null || child.isNull()) {
                if (!component.isAnnotationPresent(OptionalField.class)) {
                    throw child == null ? new InvalidInstanceException(field, "<missing>", "is required")
                            : new InvalidInstanceException(field, null, "must not be null");
                }
                continue;
            }
            if (component.getType().isRecord()) {
                requirePresent(child, component.getType(), field + ".");
            } else {
                requireElements(child, recordElement(component), field);
            }
        }
    }

    /** The element type of a {@code List<SomeRecord>} component; null for any other type. */
    private static Class<?> recordElement(RecordComponent component) {
        return List.class.isAssignableFrom(component.getType())
                && component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> e && e.isRecord() ? e : null;
    }

    /**
     * {@link #requirePresent} for the elements of an array at any depth, records of type {@code record}
     * (or null). Whatever is not an array where one belongs is left to Jackson, which names its type.
     */
    private static void requireElements(JsonNode node, Class<?> record, String path) {
        if (!node.isArray()) {
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            String element = path + "[" + i + "]";
            if (node.get(i).isNull()) {
                throw new InvalidInstanceException(element, null, "must not be null");
            }
            if (node.get(i).isArray()) {
                requireElements(node.get(i), record, element);
            } else if (record != null) {
                requirePresent(node.get(i), record, element + ".");
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

    /**
     * Parses JSON strictly (see {@link #MAPPER}).
     *
     * @throws InvalidInstanceException naming the duplicated key's path, or {@code json} when the text
     *     is not valid JSON
     */
    public static JsonNode readTree(String json) {
        return readTree(json, "json");
    }

    private static JsonNode readTree(String json, String what) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            if (message.startsWith("Duplicate field")) {
                throw new InvalidInstanceException(parserPath(e, what), "<given twice>",
                        "is a duplicate key (each key may appear once in an object)");
            }
            throw new InvalidInstanceException(what, "<" + message + ">", "is not valid JSON");
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

    /** The JSON Pointer of Jackson's reference path, to find the offending node in the tree. */
    private static JsonPointer pointer(JsonMappingException e) {
        JsonPointer out = JsonPointer.empty();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out = out.appendProperty(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out = out.appendIndex(ref.getIndex());
            }
        }
        return out;
    }

    /** {@code servers[0].cpuHz} from where the parser stood when it failed, or {@code otherwise}. */
    private static String parserPath(JsonProcessingException e, String otherwise) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return otherwise;
        }
        StringBuilder out = new StringBuilder();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            String segment = c.inArray() ? "[" + Math.max(c.getCurrentIndex(), 0) + "]"
                    : c.getCurrentName() == null ? "" : "." + c.getCurrentName();
            out.insert(0, segment);
        }
        String path = out.charAt(0) == '.' ? out.substring(1) : out.toString();
        return path.isEmpty() ? otherwise : path;
    }

    private static InvalidInstanceException mappingError(JsonMappingException e, JsonNode tree) {
        String message = e.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException) {
            return new InvalidInstanceException(path(e), "<present>", "is not a known field");
        }
        if (message.startsWith("Cannot map `null`") || message.startsWith("Cannot coerce `null`")) {
            return new InvalidInstanceException(path(e), null, "must not be null");
        }
        JsonNode given = tree.at(pointer(e));
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null && !given.isMissingNode()) {
            Class<?> target = mismatch.getTargetType();
            if (target.isArray() && !given.isContainerNode()) { // an element of a primitive array
                target = target.getComponentType();
            }
            return new InvalidInstanceException(path(e), given, "must be " + JsonKind.of(target).expected
                    + ", not " + JsonKind.of(given).given + " (values are not converted)");
        }
        return new InvalidInstanceException(path(e), given.isMissingNode() ? "<invalid>" : given,
                "cannot be read: " + message.replaceAll("\\s+", " "));
    }

    /** What a JSON value is, for messages: {@code "1e9"} is a string where a number must be. */
    private enum JsonKind {
        NUMBER("a number with a fraction or exponent", "a number"), INTEGER("an integer", "an integer"),
        BOOLEAN("a boolean", "true or false"), STRING("a string", "a string"), ARRAY("an array", "an array"),
        OBJECT("an object", "an object"), NULL("null", "null");

        /** How a given value of this kind is described. */
        final String given;
        /** How a required value of this kind is described. */
        final String expected;

        JsonKind(String given, String expected) {
            this.given = given;
            this.expected = expected;
        }

        static JsonKind of(JsonNode node) {
            return switch (node.getNodeType()) {
                case NUMBER -> node.isIntegralNumber() ? INTEGER : NUMBER;
                case BOOLEAN -> BOOLEAN;
                case STRING, BINARY -> STRING;
                case ARRAY -> ARRAY;
                case NULL, MISSING -> NULL;
                default -> OBJECT;
            };
        }

        static JsonKind of(Class<?> type) {
            if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
                return NUMBER;
            }
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                    || type == short.class || type == Short.class) {
                return INTEGER;
            }
            if (type == boolean.class || type == Boolean.class) {
                return BOOLEAN;
            }
            if (type == String.class || type.isEnum()) {
                return STRING;
            }
            return type.isArray() || Iterable.class.isAssignableFrom(type) ? ARRAY : OBJECT;
        }
    }
}

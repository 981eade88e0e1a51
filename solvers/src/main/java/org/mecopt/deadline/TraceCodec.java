package org.mecopt.deadline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.io.Json;

/**
 * The JSON trace of issue 14, which other tools read and write (names fixed; steps numbered from 1,
 * arrays indexed by step − 1, user, …):
 * <pre>
 * {"constants":{every DeadlineEnergyConfig field: "stepS","steps","bandwidthHz","rateFactor","pMaxW","fMaxHz",
 *               "edgeHz","phi","epsilon", …},
 *  "users":[{"class":"XR"|"IoT","sumBeta":…}, …K],
 *  "arrivals":[{"user":0,"step":1,"bits":…,"cyclesPerBit":…,"deadlineS":…}, …],
 *  "gain":[[[G_kj …] …K] …steps],
 *  "actions":[[[alpha, eta] …K] …steps],
 *  "trace":{"localBits":[[…K] …steps],"offloadBits":…,"rateBps":…,"localEnergyJ":…,"offloadEnergyJ":…},
 *  "outcomes":[{"user":0,"arrivalStep":1,"result":"success"|"failure","endStep":…}, …]}
 * </pre>
 * A scenario file is the same without {@code actions}, {@code trace} and {@code outcomes}. Constants
 * missing from a file take {@link DeadlineEnergyConfig#defaults()}'s values. Numbers are written in
 * Jackson's shortest round-trip form, so a replay reads back exactly the doubles that were run.
 */
public final class TraceCodec {
    private static final ObjectMapper MAPPER = Json.mapper();

    private TraceCodec() {
    }

    /** A trace (or, for null trace parts, a scenario) as compact JSON text. */
    public static String write(EpisodeTrace trace) {
        ObjectNode root = scenarioTree(trace.scenario());
        root.set("actions", MAPPER.valueToTree(trace.actions()));
        ObjectNode t = root.putObject("trace");
        t.set("localBits", MAPPER.valueToTree(trace.localBits()));
        t.set("offloadBits", MAPPER.valueToTree(trace.offloadBits()));
        t.set("rateBps", MAPPER.valueToTree(trace.rateBps()));
        t.set("localEnergyJ", MAPPER.valueToTree(trace.localEnergyJ()));
        t.set("offloadEnergyJ", MAPPER.valueToTree(trace.offloadEnergyJ()));
        ArrayNode outcomes = root.putArray("outcomes");
        for (TaskOutcome o : trace.outcomes()) {
            outcomes.addObject().put("user", o.user()).put("arrivalStep", o.arrivalStep()).put("result", o.result())
                    .put("endStep", o.endStep());
        }
        return text(root);
    }

    /** A scenario alone as compact JSON text. */
    public static String writeScenario(Scenario scenario) {
        return text(scenarioTree(scenario));
    }

    private static String text(ObjectNode root) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a trace", e);
        }
    }

    private static ObjectNode scenarioTree(Scenario s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("constants", MAPPER.valueToTree(s.config()));
        ArrayNode users = root.putArray("users");
        for (int u = 0; u < s.users(); u++) {
            users.addObject().put("class", s.taskClass(u).label()).put("sumBeta", s.sumBeta(u));
        }
        ArrayNode arrivals = root.putArray("arrivals");
        for (Arrival a : s.arrivals()) {
            arrivals.addObject().put("user", a.user()).put("step", a.step()).put("bits", a.bits())
                    .put("cyclesPerBit", a.cyclesPerBit()).put("deadlineS", a.deadlineS());
        }
        ArrayNode gain = root.putArray("gain");
        for (int t = 1; t <= s.steps(); t++) {
            gain.add(MAPPER.valueToTree(s.gains(t)));
        }
        return root;
    }

    /**
     * Reads the scenario of a trace or scenario file.
     *
     * @throws InvalidInstanceException naming the field at fault
     */
    public static Scenario readScenario(String json) {
        return scenario(object(Json.readTree(json), "trace"));
    }

    /**
     * Reads the recorded actions of a trace, {@code [step−1][user] = [α, η]}.
     *
     * @throws InvalidInstanceException naming {@code actions} when missing or malformed
     */
    public static double[][][] readActions(String json) {
        JsonNode root = object(Json.readTree(json), "trace");
        JsonNode actions = root.get("actions");
        if (actions == null) {
            throw new InvalidInstanceException("actions", null, "is required to replay actions");
        }
        return convert(actions, double[][][].class, "actions");
    }

    private static Scenario scenario(JsonNode root) {
        ObjectNode constants = (ObjectNode) MAPPER.valueToTree(DeadlineEnergyConfig.defaults());
        JsonNode given = root.get("constants");
        if (given != null) {
            object(given, "constants").fields().forEachRemaining(e -> constants.set(e.getKey(), e.getValue()));
        }
        DeadlineEnergyConfig config = convert(constants, DeadlineEnergyConfig.class, "constants");
        JsonNode users = array(root.get("users"), "users");
        List<TaskClass> classes = new ArrayList<>();
        double[] sumBeta = new double[users.size()];
        for (int u = 0; u < users.size(); u++) {
            JsonNode user = object(users.get(u), "users[" + u + "]");
            classes.add(TaskClass.parse(text(user.get("class"), "users[" + u + "].class")));
            sumBeta[u] = number(user.get("sumBeta"), "users[" + u + "].sumBeta");
        }
        JsonNode arrivalNodes = array(root.get("arrivals"), "arrivals");
        List<Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < arrivalNodes.size(); i++) {
            JsonNode a = object(arrivalNodes.get(i), "arrivals[" + i + "]");
            String at = "arrivals[" + i + "].";
            arrivals.add(new Arrival(integer(a.get("user"), at + "user"), integer(a.get("step"), at + "step"),
                    number(a.get("bits"), at + "bits"), number(a.get("cyclesPerBit"), at + "cyclesPerBit"),
                    number(a.get("deadlineS"), at + "deadlineS")));
        }
        double[][][] gain = convert(array(root.get("gain"), "gain"), double[][][].class, "gain");
        return new Scenario(config, classes, sumBeta, gain, arrivals);
    }

    private static <T> T convert(JsonNode node, Class<T> type, String field) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            if (e instanceof InvalidInstanceException invalid) {
                throw invalid;
            }
            Throwable cause = e.getCause();
            if (cause instanceof InvalidInstanceException invalid) {
                throw new InvalidInstanceException(field + "." + invalid.field(), "", invalid.getMessage());
            }
            throw new InvalidInstanceException(field, "<" + e.getMessage().lines().findFirst().orElse("") + ">",
                    "is malformed");
        }
    }

    private static JsonNode object(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new InvalidInstanceException(field, node == null ? null : node.getNodeType(), "must be a JSON object");
        }
        return node;
    }

    private static JsonNode array(JsonNode node, String field) {
        if (node == null || !node.isArray()) {
            throw new InvalidInstanceException(field, node == null ? null : node.getNodeType(), "must be a JSON array");
        }
        return node;
    }

    private static double number(JsonNode node, String field) {
        if (node == null || !node.isNumber()) {
            throw new InvalidInstanceException(field, node, "must be a number");
        }
        return node.doubleValue();
    }

    private static int integer(JsonNode node, String field) {
        if (node == null || !node.canConvertToExactIntegral() || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidInstanceException(field, node, "must be an integer");
        }
        return node.intValue();
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isTextual()) {
            throw new InvalidInstanceException(field, node, "must be a string");
        }
        return node.asText();
    }
}

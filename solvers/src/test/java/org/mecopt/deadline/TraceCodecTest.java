package org.mecopt.deadline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.deadline.policy.DeadlinePolicies;
import org.mecopt.io.Json;
import org.junit.jupiter.api.Test;

class TraceCodecTest {

    @Test
    void traceReplaysToIdenticalMetricsByActionsAndByPolicy() {
        DeadlineEnergyConfig config = DeadlineEnergyConfig.defaults();
        for (String policy : DeadlinePolicies.names()) {
            Scenario s = ScenarioGenerator.generate(config, 1_000_000L);
            Simulation.Episode original = Simulation.run(s, DeadlinePolicies.create(policy, config), true);
            String json = TraceCodec.write(original.trace());
            Scenario read = TraceCodec.readScenario(json);
            Simulation.Episode byActions = Simulation.replay(read, TraceCodec.readActions(json), true);
            assertEquals(original.metrics(), byActions.metrics(), policy);
            assertEquals(original.outcomes(), byActions.outcomes(), policy);
            assertEquals(json, TraceCodec.write(byActions.trace()), policy + ": the replay's trace is the same file");
            Simulation.Episode byPolicy = Simulation.run(read, DeadlinePolicies.create(policy, config), false);
            assertEquals(original.metrics(), byPolicy.metrics(), policy);
        }
    }

    @Test
    void traceHasTheIssueFormat() {
        DeadlineEnergyConfig config = DeadlineEnergyConfig.defaults().withSteps(20);
        Scenario s = ScenarioGenerator.generate(config, 2);
        Simulation.Episode e = Simulation.run(s, DeadlinePolicies.create("heuristic", config), true);
        JsonNode root = Json.readTree(TraceCodec.write(e.trace()));
        for (String c : new String[] {"stepS", "steps", "bandwidthHz", "rateFactor", "pMaxW", "fMaxHz", "edgeHz", "phi",
            "epsilon"}) {
            assertTrue(root.get("constants").get(c).isNumber(), c);
        }
        assertEquals(0.95, root.get("constants").get("rateFactor").doubleValue());
        assertEquals(10, root.get("users").size());
        assertTrue(root.get("users").get(0).get("class").isTextual());
        assertEquals(s.gain(20, 3, 4), root.get("gain").get(19).get(3).get(4).doubleValue());
        assertEquals(2, root.get("actions").get(0).get(0).size());
        for (String t : new String[] {"localBits", "offloadBits", "rateBps", "localEnergyJ", "offloadEnergyJ"}) {
            assertEquals(20, root.get("trace").get(t).size(), t);
        }
        JsonNode a = root.get("arrivals").get(0);
        assertEquals(1, a.get("step").intValue());
        assertTrue(a.has("bits") && a.has("cyclesPerBit") && a.has("deadlineS") && a.has("user"));
        JsonNode o = root.get("outcomes").get(0);
        assertTrue(o.get("result").asText().matches("success|failure"));
        assertArrayEquals(new String[] {"user", "arrivalStep", "result", "endStep"},
                iterator(o.fieldNames()));
    }

    @Test
    void partialConstantsTakeDefaultsAndBadFieldsAreNamed() {
        DeadlineEnergyConfig config = DeadlineEnergyConfig.defaults().withUsers(1).withSteps(2);
        String json = "{\"constants\":{\"users\":1,\"steps\":2},\"users\":[{\"class\":\"IoT\",\"sumBeta\":1e-9}],"
                + "\"arrivals\":[{\"user\":0,\"step\":1,\"bits\":1000,\"cyclesPerBit\":100,\"deadlineS\":0.002}],"
                + "\"gain\":[[[100]],[[200]]]}";
        Scenario s = TraceCodec.readScenario(json);
        assertEquals(config, s.config());
        assertEquals(200, s.gain(2, 0, 0));
        InvalidInstanceException bad = assertThrows(InvalidInstanceException.class,
                () -> TraceCodec.readScenario(json.replace("\"IoT\"", "\"VR\"")));
        assertEquals("class", bad.field());
        InvalidInstanceException gains = assertThrows(InvalidInstanceException.class,
                () -> TraceCodec.readScenario(json.replace("[[200]]", "[[-1]]")));
        assertEquals("gain[1][0][0]", gains.field());
        InvalidInstanceException missing = assertThrows(InvalidInstanceException.class, () -> TraceCodec.readActions(json));
        assertEquals("actions", missing.field());
    }

    private static String[] iterator(java.util.Iterator<String> it) {
        java.util.List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out.toArray(String[]::new);
    }
}

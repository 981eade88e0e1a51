package org.mecopt.qoe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.api.Status;
import org.mecopt.io.Json;

class QoeInstanceTest {

    private static final QoeUser A = new QoeUser(0.02, 4e9, 1, 15, 0.35);
    private static final QoeUser B = new QoeUser(0.05, 1e9, 1, 12, 0.34);

    static Stream<Arguments> badFields() {
        return Stream.of(
                bad("capacityHz", "0.0", () -> new QoeInstance(0, List.of(A))),
                bad("capacityHz", "NaN", () -> new QoeInstance(Double.NaN, List.of(A))),
                bad("users", "null", () -> new QoeInstance(1e9, null)),
                bad("users.length", "0", () -> new QoeInstance(1e9, List.of())),
                bad("users[1].fixedLatencyS", "-0.1", () -> with(1, new QoeUser(-0.1, 1e9, 1, 15, 0.35))),
                bad("users[0].workloadCycles", "0.0", () -> with(0, new QoeUser(0.01, 0, 1, 15, 0.35))),
                bad("users[1].maxQoe", "-1.0", () -> with(1, new QoeUser(0.01, 1e9, -1, 15, 0.35))),
                bad("users[0].steepnessPerS", "-15.0", () -> with(0, new QoeUser(0.01, 1e9, 1, -15, 0.35))),
                bad("users[1].midpointS", "Infinity", () -> with(1, new QoeUser(0.01, 1e9, 1, 15, Double.POSITIVE_INFINITY))));
    }

    private static Arguments bad(String field, String value, Supplier<QoeInstance> make) {
        return Arguments.of(field, value, make);
    }

    private static QoeInstance with(int index, QoeUser user) {
        List<QoeUser> users = new ArrayList<>(List.of(A, B));
        users.set(index, user);
        return new QoeInstance(10e9, users);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFields")
    void everyBadFieldIsRejectedByName(String field, String value, Supplier<QoeInstance> make) {
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class, make::get);
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(field + " = " + value + " "), e.getMessage());
    }

    @Test
    void objectiveAndViolationsMatchHandComputation() {
        QoeInstance instance = new QoeInstance(10e9, List.of(A, B));
        assertFalse(instance.minimize());
        double[] p = {8e9, 2e9};
        double expected = 1 / (1 + Math.exp(15 * (0.02 + 0.5 - 0.35))) + 1 / (1 + Math.exp(12 * (0.05 + 0.5 - 0.34)));
        QoeSolution s = instance.solution(p);
        assertEquals(expected, instance.objective(s), 1e-15);
        assertTrue(instance.violations(s).isEmpty());
        assertEquals(List.of("the allocations sum to 1.1E10 Hz > capacityHz 1.0E10"),
                instance.violations(instance.solution(new double[] {9e9, 2e9})));
        assertEquals(List.of("allocationHz[1] = -1.0 must be >= 0 and finite"),
                instance.violations(instance.solution(new double[] {1e9, -1})));
        assertEquals(List.of("qoe[0] = 0.5 differs from QoE(allocationHz[0]) = " + A.qoe(1e9)),
                instance.violations(new QoeSolution(new double[] {1e9, 1e9}, new double[] {0.5, B.qoe(1e9)})));
        assertEquals(2, instance.violations(new QoeSolution(new double[1], new double[3])).size());
        assertEquals(Double.NEGATIVE_INFINITY, instance.objective(new QoeSolution(new double[1], new double[1])));
        assertEquals(0.02 + 4e9 / 8e9, A.latency(8e9), 1e-15);
    }

    @Test
    void generatorIsReproducibleAndFollowsTableThree() {
        QoeGenerator.Config config = QoeGenerator.Config.DEFAULT.withUsers(500);
        QoeInstance a = QoeGenerator.generate(config, 3);
        assertEquals(a, QoeGenerator.generate(config, 3));
        assertNotEquals(a, QoeGenerator.generate(config, 4));
        double alphaSum = 0;
        double betaSum = 0;
        for (QoeUser u : a.users()) {
            assertTrue(u.steepnessPerS() > 0);
            assertEquals(1, u.maxQoe());
            // w = η V κ with η ∈ [0.5, 8], V ∈ [200, 800] KB, κ ∈ [228, 328]
            assertTrue(u.workloadCycles() >= 0.5 * 200 * 8e3 * 228 && u.workloadCycles() <= 8 * 800 * 8e3 * 328);
            assertTrue(u.fixedLatencyS() > 0 && u.fixedLatencyS() < 0.5, "wireless latency " + u.fixedLatencyS());
            alphaSum += u.steepnessPerS();
            betaSum += u.midpointS();
        }
        assertEquals(15, alphaSum / 500, 4 * 4 / Math.sqrt(500));
        assertEquals(0.35, betaSum / 500, 4 * 0.01 / Math.sqrt(500));
        assertEquals(100e9, a.capacityHz());
    }

    @Test
    void jsonRoundTripsAndHasTheContractFields() {
        QoeInstance instance = QoeGenerator.generate(QoeGenerator.Config.DEFAULT, 7);
        String json = Json.writeInstance(instance);
        assertEquals(instance, Json.readInstance(json, QoeInstance.class, "qoe"));
        JsonNode tree = Json.instanceTree(instance);
        assertEquals(List.of("problem", "capacityHz", "users"), names(tree));
        assertEquals("qoe", tree.get("problem").asText());
        assertEquals(List.of("fixedLatencyS", "workloadCycles", "maxQoe", "steepnessPerS", "midpointS"),
                names(tree.get("users").get(0)));
        Result<QoeSolution> r = new SigmoidalSolver().solve(instance);
        JsonNode result = Json.readTree(Json.toText(Json.resultTree(r, instance.minimize())));
        assertEquals(List.of("problem", "solver", "status", "objective", "upperBound", "gap", "allocationHz", "qoe",
                "iterations", "solveTimeMillis", "violations", "message"), names(result));
        QoeSolution back = Json.readSolution(result, QoeSolution.class);
        assertArrayEquals(r.solution().allocationHz(), back.allocationHz());
        assertTrue(instance.violations(back).isEmpty());
        String bad = json.replaceFirst("\"steepnessPerS\" : [0-9.E]+", "\"steepnessPerS\" : -2.0");
        assertEquals("users[0].steepnessPerS", assertThrows(InvalidInstanceException.class,
                () -> Json.readInstance(bad, QoeInstance.class, "qoe")).field());
        assertEquals("users[0].midpointS", assertThrows(InvalidInstanceException.class, () -> Json.readInstance(
                "{\"problem\":\"qoe\",\"capacityHz\":1e9,\"users\":[{\"fixedLatencyS\":0,\"workloadCycles\":1,"
                        + "\"maxQoe\":1,\"steepnessPerS\":1}]}", QoeInstance.class, "qoe")).field());
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void sigmoidalBoundsEveryBaseline() {
        List<String> names = SolverRegistry.forProblem("qoe").stream().map(Solver::name).toList();
        assertEquals(List.of("equal-share", "greedy", "proportional", "sigmoidal"), names);
        QoeInstance instance = QoeGenerator.generate(QoeGenerator.Config.DEFAULT.withUsers(30), 11);
        Result<QoeSolution> best = SolverRegistry.get(QoeInstance.class, "sigmoidal").solve(instance);
        assertEquals(Status.OPTIMAL, best.status());
        assertTrue(best.gap() <= 1e-4);
        assertTrue(best.message().startsWith("certified relative gap"), best.message());
        for (String name : List.of("equal-share", "greedy", "proportional")) {
            Result<QoeSolution> r = SolverRegistry.get(QoeInstance.class, name).solve(instance);
            assertTrue(r.violations().isEmpty(), name + " " + r.violations());
            assertTrue(r.objective() <= best.bound() + 1e-9, name);
        }
    }

    @Test
    void sigmoidalGapOptionIsReadAsDocumented() {
        QoeInstance instance = QoeGenerator.generate(QoeGenerator.Config.DEFAULT, 5);
        SigmoidalSolver solver = new SigmoidalSolver();
        // not set: the solver's own 1e-4; set: taken literally, 1e-9 included (no sentinel)
        assertTrue(solver.solve(instance).message().contains("(requested 0.000100)"));
        assertTrue(solver.solve(instance, SolverOptions.defaults().withRelativeGap(1e-6)).message()
                .contains("(requested 1.00e-06)"));
        Result<QoeSolution> tight = new SigmoidalSolver().solve(instance, SolverOptions.defaults().withRelativeGap(1e-9));
        assertTrue(tight.message().contains("(requested 1.00e-09)"), tight.message());
        assertEquals("parameter gap", assertThrows(InvalidInstanceException.class,
                () -> solver.solve(instance, SolverOptions.defaults().withParameter("gap", "1e-9"))).field());
        assertEquals("parameter symmetry", assertThrows(InvalidInstanceException.class,
                () -> solver.solve(instance, SolverOptions.defaults().withParameter("symmetry", "of"))).field());
        Result<QoeSolution> off = new SigmoidalSolver().solve(instance, SolverOptions.defaults().withParameter("symmetry", "off"));
        assertTrue(tight.gap() <= 1e-9);
        assertEquals(tight.objective(), off.objective(), 1e-4 * tight.objective());
    }
}

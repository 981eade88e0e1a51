package org.mecopt.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mecopt.latency.LatencyGenerator;

/** Every registered family: found by name, its options give its default, its codec is one mapping both ways. */
class ProblemFamiliesTest {

    @Test
    void theThreeFamiliesAreRegistered() {
        assertTrue(ProblemFamilies.names().containsAll(List.of("latency", "offloading", "qoe")), ProblemFamilies.names().toString());
        var e = assertThrows(InvalidInstanceException.class, () -> ProblemFamilies.get("nope"));
        assertEquals("problem", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"offloading", "latency", "qoe"})
    void noOptionGivenIsTheDefaultConfiguration(String name) {
        var family = ProblemFamilies.get(name);
        assertEquals(family.defaultConfig(), family.config(Map.of()));
        for (var option : family.options()) {
            assertTrue(family.configType().isInstance(family.defaultConfig()));
            String text = formatOf(option, family.defaultConfig());
            assertEquals(option.get().apply(cast(family.defaultConfig())), option.parse().apply(text),
                    "--" + option.name() + " does not read back its own default " + text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"offloading", "latency", "qoe"})
    void featuresAndLabelsReadBackToTheInstanceAndSolution(String name) {
        roundTrip(ProblemFamilies.get(name));
    }

    private static <P extends Problem<S>, S, C extends Record> void roundTrip(ProblemFamily<P, S, C> family) {
        P instance = family.generate(family.defaultConfig(), 5);
        TensorCodec<P, S> codec = family.codec();
        P back = codec.instance(codec.features(instance));
        assertEquals(instance, back);
        assertEquals(codec.features(instance), codec.features(back));
        var solver = SolverRegistry.get(family.instanceType(), family.defaultSolver());
        S solution = solver.solve(instance, SolverOptions.defaults()).solution();
        S read = codec.solution(back, codec.labels(solution));
        assertEquals(codec.labels(solution), codec.labels(read));
        assertEquals(instance.objective(solution), back.objective(read));
    }

    /** The options that the CLI's hand-written mixins declared before families were plug-ins, in their order. */
    /** A fractional or NaN server index is refused by name, not truncated into a valid assignment. */
    @Test
    void offloadingLabelsMustHoldWholeServerIndices() {
        var family = new org.mecopt.offloading.OffloadingFamily();
        var instance = family.generate(family.defaultConfig(), 1);
        var solution = org.mecopt.api.SolverRegistry.get(org.mecopt.offloading.OffloadingInstance.class, "greedy")
                .solve(instance).solution();
        Map<String, Tensor> labels = new java.util.LinkedHashMap<>(family.codec().labels(solution));
        for (double bad : new double[] {1.7, Double.NaN}) {
            double[] a = labels.get("assignment").data().clone();
            a[2] = bad;
            labels.put("assignment", Tensor.of(a));
            InvalidInstanceException e = assertThrows(InvalidInstanceException.class,
                    () -> family.codec().solution(instance, labels));
            assertEquals("label.assignment[2]", e.field());
        }
    }

    @Test
    void theOptionsAreTheCommandLinesOfBefore() {
        assertEquals(List.of("devices", "servers", "max-tasks", "cpu-min-hz", "cpu-max-hz", "input-bits-min",
                "input-bits-max", "cycles-min", "cycles-max", "cycles-per-bit-min", "cycles-per-bit-max", "tx-power-w",
                "bandwidth-hz", "noise-w", "gain-min", "gain-max"), names("offloading"));
        assertEquals(List.of("channel", "users", "aps", "antennas-per-ap", "subcarriers", "bandwidth-hz", "radius-m",
                "power-dbm", "noise-figure-db", "task-bits", "cycles-per-bit", "user-cpu-hz", "server-cpu-hz",
                "no-local-computing", "shared-server-cpu"), names("latency"));
        assertEquals(List.of("users", "capacity-hz", "midpoint-mean-s"), names("qoe"));
        List<String> flags = ProblemFamilies.get("latency").options().stream().filter(ConfigOption::flag)
                .map(ConfigOption::name).toList();
        assertEquals(List.of("no-local-computing", "shared-server-cpu"), flags);
    }

    private static List<String> names(String family) {
        return ProblemFamilies.get(family).options().stream().map(ConfigOption::name).toList();
    }

    @Test
    void optionValuesBuildTheGeneratorConfiguration() {
        var latency = ProblemFamilies.get("latency");
        Object config = latency.config(Map.of("users", "6", "channel", "bs-mmimo", "no-local-computing", "true"));
        var expected = LatencyGenerator.Config.PAPER.with(org.mecopt.channel.ChannelModel.BS_MMIMO, 6, 64, 4)
                .withLocalComputing(false);
        assertEquals(expected, config);
        assertEquals("--channel", assertThrows(InvalidInstanceException.class,
                () -> latency.config(Map.of("channel", "lte"))).field());
        assertEquals("--users", assertThrows(InvalidInstanceException.class,
                () -> latency.config(Map.of("users", "six"))).field());
        assertEquals("--nope", assertThrows(InvalidInstanceException.class,
                () -> latency.config(Map.of("nope", "1"))).field());
        assertEquals("maxTasks", assertThrows(InvalidInstanceException.class,
                () -> ProblemFamilies.get("offloading").config(Map.of("devices", "10"))).field());
    }

    @SuppressWarnings("unchecked")
    private static <C> C cast(Object config) {
        return (C) config;
    }

    @SuppressWarnings("unchecked")
    private static <C> String formatOf(ConfigOption<C, ?> option, Object config) {
        return option.format((C) config);
    }
}

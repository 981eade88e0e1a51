package org.mecopt.offloading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mecopt.api.InvalidInstanceException;

class OffloadingInstanceTest {

    private static final List<Device> DEVICES = List.of(new Device(3e5, 1e9, 0.1), new Device(2e5, 5e8, 0.1));
    private static final List<Server> SERVERS = List.of(new Server(5e9, 1), new Server(6e9, 2));
    private static final double[][] GAIN = {{1, 2}, {0.5, 1.5}};

    static Stream<Arguments> badFields() {
        return Stream.of(
                bad("bandwidthHz", "0.0", () -> new OffloadingInstance(0, 1e-9, DEVICES, SERVERS, GAIN)),
                bad("noiseW", "NaN", () -> new OffloadingInstance(1e6, Double.NaN, DEVICES, SERVERS, GAIN)),
                bad("devices.length", "0", () -> new OffloadingInstance(1e6, 1e-9, List.of(), SERVERS, new double[0][])),
                bad("servers.length", "0", () -> new OffloadingInstance(1e6, 1e-9, DEVICES, List.of(), GAIN)),
                bad("devices[1].inputBits", "-1.0", () -> withDevice(1, new Device(-1, 1e9, 0.1))),
                bad("devices[1].cycles", "-5.0", () -> withDevice(1, new Device(1e5, -5, 0.1))),
                bad("devices[0].txPowerW", "Infinity", () -> withDevice(0, new Device(1e5, 1e9, Double.POSITIVE_INFINITY))),
                bad("servers[1].cpuHz", "0.0", () -> new OffloadingInstance(1e6, 1e-9, DEVICES,
                        List.of(new Server(5e9, 1), new Server(0, 2)), GAIN)),
                bad("servers[0].maxTasks", "0", () -> new OffloadingInstance(1e6, 1e-9, DEVICES,
                        List.of(new Server(5e9, 0), new Server(6e9, 2)), GAIN)),
                bad("servers[*].maxTasks (sum)", "1", () -> new OffloadingInstance(1e6, 1e-9, DEVICES,
                        List.of(new Server(5e9, 1)), new double[][] {{1}, {1}})),
                bad("channelGain.length", "1", () -> new OffloadingInstance(1e6, 1e-9, DEVICES, SERVERS, new double[][] {{1, 1}})),
                bad("channelGain[1].length", "1", () -> new OffloadingInstance(1e6, 1e-9, DEVICES, SERVERS, new double[][] {{1, 1}, {1}})),
                bad("channelGain[1][0]", "-0.5", () -> new OffloadingInstance(1e6, 1e-9, DEVICES, SERVERS, new double[][] {{1, 1}, {-0.5, 1}})),
                bad("devices", "null", () -> new OffloadingInstance(1e6, 1e-9, null, SERVERS, GAIN)),
                bad("devices[1]", "null", () -> withDevice(1, null)),
                bad("servers[0].cpuHz", "1.7976931348623157E308", () -> new OffloadingInstance(1e6, 1e-9, DEVICES,
                        List.of(new Server(Double.MAX_VALUE, 1), new Server(6e9, 2)), GAIN)),
                bad("channelGain[0][1]", "4.9E-324", () -> new OffloadingInstance(1e6, 1e-9, DEVICES, SERVERS,
                        new double[][] {{1, Double.MIN_VALUE}, {0.5, 1.5}})),
                bad("devices[0].inputBits", "1.0E200", () -> withDevice(0, new Device(1e200, 1e9, 0.1))));
    }

    private static Arguments bad(String field, String value, Supplier<OffloadingInstance> make) {
        return Arguments.of(field, value, make);
    }

    private static OffloadingInstance withDevice(int index, Device device) {
        List<Device> devices = new ArrayList<>(DEVICES);
        devices.set(index, device);
        return new OffloadingInstance(1e6, 1e-9, devices, SERVERS, GAIN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFields")
    void everyBadFieldIsRejectedByName(String field, String value, Supplier<OffloadingInstance> make) {
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class, make::get);
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(field + " = " + value + " "), e.getMessage());
    }

    @Test
    void objectiveMatchesHandComputation() {
        OffloadingInstance instance = new OffloadingInstance(1e6, 1e-9, DEVICES, SERVERS, GAIN);
        int[] assignment = {0, 1};
        double r0 = 1e6 * Math.log(1 + 0.1 * 1 / 1e-9) / Math.log(2);
        double r1 = 1e6 * Math.log(1 + 0.1 * 1.5 / 1e-9) / Math.log(2);
        // alone on its server, each task gets the whole CPU
        double expected = (3e5 / r0 + 1e9 / 5e9 + 2e5 / r1 + 5e8 / 6e9) / 2;
        OffloadingSolution solution = KktAllocation.solution(instance, assignment);
        assertEquals(expected, instance.objective(solution), 1e-15);
        assertTrue(instance.violations(solution).isEmpty());
    }

    @Test
    void violationsNameTheBrokenConstraint() {
        OffloadingInstance instance = new OffloadingInstance(1e6, 1e-9, DEVICES, SERVERS, GAIN);
        List<String> v = instance.violations(new OffloadingSolution(new int[] {0, 0}, new double[] {3e9, 3e9}));
        assertEquals(List.of("server 0 serves 2 tasks > maxTasks 1", "server 0 allocates 6.0E9 Hz > cpuHz 5.0E9"), v);
        assertEquals(List.of("assignment[1] = 7 must be in [0, 2)"),
                instance.violations(new OffloadingSolution(new int[] {0, 7}, new double[] {1e9, 1e9})));
    }

    @Test
    void generatorIsReproducibleAndSeedSensitive() {
        OffloadingGenerator.Config config = OffloadingGenerator.Config.PAPER;
        assertEquals(OffloadingGenerator.generate(config, 42), OffloadingGenerator.generate(config, 42));
        assertNotEquals(OffloadingGenerator.generate(config, 42), OffloadingGenerator.generate(config, 43));
        OffloadingInstance instance = OffloadingGenerator.generate(config, 42);
        for (Device d : instance.devices()) {
            assertTrue(d.inputBits() >= 200e3 && d.inputBits() <= 500e3);
            assertTrue(d.cycles() >= 5e8 && d.cycles() <= 2e9);
        }
        OffloadingInstance kappa = OffloadingGenerator.generate(config.withCyclesPerBit(500, 1000), 1);
        for (Device d : kappa.devices()) {
            double k = d.cycles() / d.inputBits();
            assertTrue(k >= 500 && k <= 1000, "kappa " + k);
        }
    }

    @Test
    void generatorConfigNamesBadOptions() {
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class,
                () -> OffloadingGenerator.Config.PAPER.withCpu(9e9, 5e9));
        assertEquals("cpuMin", e.field());
        assertEquals("maxTasks", assertThrows(InvalidInstanceException.class,
                () -> OffloadingGenerator.Config.PAPER.withSize(10, 3, 3)).field());
    }
}

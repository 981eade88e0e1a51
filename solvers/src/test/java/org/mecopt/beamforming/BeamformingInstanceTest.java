package org.mecopt.beamforming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.io.Json;

class BeamformingInstanceTest {

    /** N = 1, I = 2, two one-antenna stations; h_0 = (1, i), h_1 = (2, 0); noise 1, W = 1 Hz. */
    static BeamformingInstance handInstance(double maxPower0, int q, double minRate1) {
        double[] h = {1, 0, 0, 1, 2, 0, 0, 0};
        return new BeamformingInstance(1, 1, q,
                List.of(new BeamformingStation(1, maxPower0), new BeamformingStation(1, 5)),
                List.of(new BeamformingUser(1, 0), new BeamformingUser(2, minRate1)),
                ComplexTensor.of("channel", 1, 2, new int[] {1, 1}, h));
    }

    /** w_0 = (1, i), w_1 = (1, 0). */
    static final double[] HAND_BEAMS = {1, 0, 0, 1, 1, 0, 0, 0};

    @Test
    void theEvaluatorMatchesHandValues() {
        BeamformingInstance p = handInstance(5, 2, 0);
        BeamformingEvaluation e = p.evaluate(ComplexTensor.of("beams", 1, 2, new int[] {1, 1}, HAND_BEAMS));
        // h_0^H w_0 = 1 + (-i)(i) = 2; h_0^H w_1 = 1; h_1^H w_1 = 2; h_1^H w_0 = 2
        assertArrayEquals(new double[] {4.0 / 2, 4.0 / 5}, e.sinr(), 1e-15);
        double r0 = Math.log(3) / Math.log(2);
        double r1 = Math.log(1.8) / Math.log(2);
        assertArrayEquals(new double[] {r0, r1}, e.rateBps(), 1e-14);
        assertEquals(r0 + 2 * r1, e.weightedSumRate(), 1e-14);
        assertArrayEquals(new double[] {2, 1}, e.stationPowerW(), 0);
        assertArrayEquals(new int[] {2}, e.usersPerSubcarrier());
        assertTrue(e.violations().isEmpty(), e.violations().toString());
        assertEquals(r0 + 2 * r1, p.objective(p.solution(beams())), 1e-14);
    }

    private static ComplexTensor beams() {
        return ComplexTensor.of("beams", 1, 2, new int[] {1, 1}, HAND_BEAMS);
    }

    @Test
    void everyViolatedConstraintIsNamed() {
        BeamformingInstance p = handInstance(1.5, 1, 1);
        List<String> v = p.violations(p.solution(beams()));
        assertEquals(List.of("station 0 radiates 2.0 W > maxPowerW 1.5",
                "subcarrier 0 serves 2 users > maxUsersPerSubcarrier 1",
                "user 1 gets " + Math.log(1.8) / Math.log(2) + " bit/s < minRateBps 1.0"), v);
    }

    @Test
    void aZeroBeamIsNotScheduledAndReportedRatesAreChecked() {
        BeamformingInstance p = handInstance(5, 1, 0);
        double[] w = HAND_BEAMS.clone();
        w[4] = 0;
        BeamformingSolution s = p.solution(w);
        assertTrue(p.violations(s).isEmpty(), p.violations(s).toString());
        assertEquals(Math.log(5) / Math.log(2), s.rateBps()[0], 1e-14); // user 0 alone: |2|² / 1
        assertEquals(0, s.rateBps()[1]);
        BeamformingSolution lying = new BeamformingSolution(s.beams(), new double[] {10, 0});
        assertEquals(List.of("rateBps[0] = 10.0 differs from the beams' rate " + s.rateBps()[0]), p.violations(lying));
    }

    @Test
    void jsonRoundTripsAndHasTheIssuesShape() {
        BeamformingInstance p = BeamformingGenerator.generate(BeamformingGenerator.Config.DEFAULT.withSizes(2, 3, 4, 2), 5);
        String json = Json.writeInstance(p);
        assertTrue(json.startsWith("{\n  \"problem\" : \"subcarrier-beamforming\",\n  \"subcarrierBandwidthHz\""), json);
        BeamformingInstance back = Json.readInstance(json, BeamformingInstance.class, BeamformingInstance.PROBLEM);
        assertEquals(p, back);
        assertEquals(p.channel().re(1, 3, 1, 2), back.channel().nested()[1][3][1][2][0]);
        assertEquals(p.channel().im(1, 3, 1, 2), Json.readTree(json).get("channel").get(1).get(3).get(1).get(2).get(1)
                .asDouble());
    }

    static Stream<Arguments> badJson() {
        String ok = "{\"problem\":\"subcarrier-beamforming\",\"subcarrierBandwidthHz\":180000,\"noiseW\":5.7e-15,"
                + "\"maxUsersPerSubcarrier\":2,\"stations\":[{\"antennas\":2,\"maxPowerW\":1.0}],"
                + "\"users\":[{\"weight\":1.0,\"minRateBps\":0},{\"weight\":1.0,\"minRateBps\":0}],"
                + "\"channel\":[[[[[1e-6,0],[0,1e-6]]],[[[1e-6,0],[0,-1e-6]]]]]}";
        return Stream.of(
                Arguments.of("valid", ok, null),
                Arguments.of("noise", ok.replace("5.7e-15", "0"), "noiseW"),
                Arguments.of("antennas", ok.replace("\"antennas\":2", "\"antennas\":3"), "channel[0][0][0].length"),
                Arguments.of("weight", ok.replace("{\"weight\":1.0,\"minRateBps\":0}]", "{\"weight\":-1.0,\"minRateBps\":0}]"),
                        "users[1].weight"),
                Arguments.of("ragged", ok.replace("[[[1e-6,0],[0,-1e-6]]]", "[[[1e-6,0]]]"), "channel[0][1][0].length"),
                Arguments.of("not complex", ok.replace("[0,-1e-6]", "[0,-1e-6,3]"), "channel[0][1][0][1].length"),
                Arguments.of("users", ok.replace(",{\"weight\":1.0,\"minRateBps\":0}]", "]"), "channel[0].length"),
                Arguments.of("huge", ok.replace("[0,-1e-6]", "[0,-1e6]"), "channel[0][1][0][1][1]"),
                Arguments.of("null", ok.replace("[0,-1e-6]", "null"), "channel[0][1][0][1]"),
                Arguments.of("missing", ok.replace("\"maxUsersPerSubcarrier\":2,", ""), "maxUsersPerSubcarrier"),
                Arguments.of("q", ok.replace("\"maxUsersPerSubcarrier\":2", "\"maxUsersPerSubcarrier\":0"),
                        "maxUsersPerSubcarrier"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badJson")
    void badJsonNamesTheField(String label, String json, String field) {
        Supplier<BeamformingInstance> read = () -> Json.readInstance(json, BeamformingInstance.class,
                BeamformingInstance.PROBLEM);
        if (field == null) {
            assertEquals(2, read.get().userCount());
            return;
        }
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class, read::get);
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void theGeneratorHasTheDefaultsOfModelSection5() {
        BeamformingGenerator.Config c = BeamformingGenerator.Config.DEFAULT;
        BeamformingInstance p = BeamformingGenerator.generate(c, 1);
        assertEquals(5.69e-15, p.noiseW(), 0.01e-15); // -174 dBm/Hz + 9 dB over 180 kHz
        assertEquals(8, p.maxUsersPerSubcarrier());
        assertEquals(90_000, p.users().get(0).minRateBps(), 1e-9); // 0.5 bit/s/Hz · 180 kHz · 8 / 8
        assertEquals(List.of(4, 4, 4, 4), p.stations().stream().map(BeamformingStation::antennas).toList());
        assertEquals(2 * 8 * 8 * 16, p.channel().size());
        assertEquals(p, BeamformingGenerator.generate(c, 1));
        assertTrue(!p.equals(BeamformingGenerator.generate(c, 2)));
    }
}

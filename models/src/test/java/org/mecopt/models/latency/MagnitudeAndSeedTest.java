package org.mecopt.models.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.channel.ChannelModel;
import org.mecopt.datasets.DatasetGenerator;
import org.mecopt.datasets.DatasetReader;
import org.mecopt.datasets.Row;
import org.mecopt.datasets.Format;
import org.mecopt.latency.LatencyFamily;
import org.mecopt.latency.LatencyGenerator;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.latency.LatencySolution;
import org.mecopt.models.learning.Progress;

/** The paper's |h| input (a K×M image per subcarrier) and seeded, reproducible training. */
class MagnitudeAndSeedTest {
    static final LatencyGenerator.Config CONFIG = LatencyGenerator.Config.PAPER.with(ChannelModel.CELLFREE, 4, 16, 2);

    @Test
    void magnitudeFeaturesTrainReproduciblyAndNeedTheMagnitudes(@TempDir Path tmp) throws IOException {
        Path data = tmp.resolve("data");
        DatasetGenerator.run(new DatasetGenerator.Request(new LatencyFamily(), CONFIG, "ica", null, 11,
                300, 100, Format.PARQUET, data, 2, false, 0), DatasetGenerator.Progress.NONE);
        JsonNode[] histories = new JsonNode[2];
        for (int run = 0; run < 2; run++) {
            Path out = tmp.resolve("model" + run);
            LatencyTrainer.train(LatencyTrainer.Options.defaults(data, out).withFeatures(Features.MAGNITUDE).withEpochs(3)
                    .withSeed(5).withPatience(3).withLatencyWeight(1), Progress.NONE);
            try (LatencyModel model = LatencyModel.load(out)) {
                assertEquals("magnitude", model.manifest().path("features").asText());
                assertEquals(16, model.architecture().width());
                LatencyInstance instance = LatencyGenerator.generate(CONFIG, 99);
                double[][] p = model.power(instance);
                assertEquals(2, p.length);
                assertTrue(instance.violations(model.solve(instance)).isEmpty());
                LatencyInstance noMagnitude = new LatencyInstance(instance.subcarrierBandwidthHz(),
                        instance.serverCpuHz(), true, instance.users(), instance.gain(), null);
                assertThrows(InvalidInstanceException.class, () -> model.power(noMagnitude));
                histories[run] = model.manifest().get("history");
                for (JsonNode epoch : histories[run]) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) epoch).remove("seconds"); // the one field time changes
                }
            }
        }
        assertEquals(histories[0], histories[1], "same seed and data must give the same losses");
    }

    @Test
    void datasetRowsRebuildTheirInstanceWithTheSharedServer(@TempDir Path tmp) throws IOException {
        LatencyGenerator.Config c = CONFIG;
        LatencyGenerator.Config shared = new LatencyGenerator.Config(c.channel(), 3, 8, 1, 2, c.bandwidthHz(), c.radiusM(),
                c.pMaxDbm(), c.noiseFigureDb(), c.taskBits(), c.cyclesPerBit(), c.userCpuHz(), c.serverCpuHz(), true, true);
        Path data = tmp.resolve("shared");
        DatasetGenerator.run(new DatasetGenerator.Request(new LatencyFamily(), shared, "ica", null, 12,
                20, 20, Format.PARQUET, data, 1, false, 0), DatasetGenerator.Progress.NONE);
        for (Row row : DatasetReader.open(data)) {
            LatencyInstance instance = Features.instance(row);
            assertTrue(instance.sharedServerCpu());
            double[] p = Features.powerLabel(row);
            double[][] power = {java.util.Arrays.copyOfRange(p, 0, 3), java.util.Arrays.copyOfRange(p, 3, 6)};
            LatencySolution label = new LatencySolution(power, Features.ratioLabel(row), new double[3]);
            assertEquals(row.objective(), instance.objective(label), 1e-12 * row.objective());
        }
    }
}

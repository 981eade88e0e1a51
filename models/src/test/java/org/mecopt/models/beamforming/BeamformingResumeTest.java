package org.mecopt.models.beamforming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.beamforming.BeamformingGenerator;
import org.mecopt.io.Json;
import org.mecopt.models.learning.History;
import org.mecopt.models.learning.ModelManifest;
import org.mecopt.models.learning.Progress;

/**
 * {@code train subcarrier-beamforming} interrupted after epoch 1 and rerun with the same options
 * ends with the uninterrupted 2-epoch run's history, parameters and validation metrics, for the
 * one network (cmtssl, whose loss carries the learned task weights) and the per-station networks
 * (dmtssl); a rerun with another option is refused before any instance is generated, naming it.
 * Tiny sizes (B=2, M=2, I=4, N=2, 128 instances): a few seconds.
 */
class BeamformingResumeTest {
    private static final BeamformingGenerator.Config CONFIG = BeamformingGenerator.Config.DEFAULT.withSizes(2, 2, 4, 2);

    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static BeamformingTrainer.Options options(Method m, Path out) {
        return BeamformingTrainer.Options.defaults(m, out).with(CONFIG).withInstances(128, 16)
                .withHidden(new int[] {16}).withTraining(2, 32, 3e-3, 4, 2);
    }

    private static List<List<Object>> rows(History h) {
        return h.epochs().stream().<List<Object>>map(e -> List.of(e.epoch(), e.trainLoss(), e.validationLoss(),
                e.learningRate(), e.best())).toList();
    }

    private static List<float[]> parameters(Path dir) throws Exception {
        List<float[]> out = new ArrayList<>();
        try (BeamformingModel model = BeamformingModel.load(dir)) {
            model.block().getParameters().forEach(p -> out.add(p.getValue().getArray().toFloatArray()));
        }
        return out;
    }

    @Test
    void anInterruptedTrainingResumesToTheUninterruptedOne(@TempDir Path tmp) throws Exception {
        for (Method m : List.of(Method.CMTSSL, Method.DMTSSL)) {
            BeamformingTrainer.Summary full = BeamformingTrainer.train(options(m, tmp.resolve(m.id() + "-full")), Progress.NONE);
            Path cut = tmp.resolve(m.id() + "-cut");
            assertThrows(Killed.class, () -> BeamformingTrainer.train(options(m, cut), (e, n, t, v, b, s) -> {
                if (e == 1) {
                    throw new Killed();
                }
            }));
            int[] resumedAfter = {0};
            BeamformingTrainer.Summary resumed = BeamformingTrainer.train(options(m, cut), new Progress() {
                @Override
                public void epoch(int epoch, int epochs, double trainLoss, double validationLoss, boolean best, double s) {
                }

                @Override
                public void resumed(int done, int epochs, Path state) {
                    resumedAfter[0] = done;
                }
            });
            assertEquals(1, resumedAfter[0], m.id());
            assertEquals(rows(full.history()), rows(resumed.history()), m.id());
            assertEquals(full.meanWeightedSumRate(), resumed.meanWeightedSumRate(), m.id());
            List<float[]> a = parameters(full.out());
            List<float[]> b = parameters(cut);
            assertEquals(a.size(), b.size());
            for (int k = 0; k < a.size(); k++) {
                assertArrayEquals(a.get(k), b.get(k), 0f, m.id() + " parameter " + k);
            }
            JsonNode metrics = Json.mapper().readTree(cut.resolve(ModelManifest.FILE).toFile()).path("metrics");
            assertEquals(1, metrics.path("resumedAfterEpoch").asInt(), m.id());
        }
        // another option: refused at once, naming it
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class, () -> BeamformingTrainer.train(
                options(Method.CMTSSL, tmp.resolve("cmtssl-cut")).withHidden(new int[] {8}), Progress.NONE));
        assertEquals("--hidden", e.field());
        assertTrue(e.getMessage().contains("(16)"), e.getMessage());
        e = assertThrows(InvalidInstanceException.class, () -> BeamformingTrainer.train(
                options(Method.CMTSSL, tmp.resolve("cmtssl-cut")).with(CONFIG.withMaxPowerW(0.5)), Progress.NONE));
        assertEquals("--max-power-w", e.field());
    }
}

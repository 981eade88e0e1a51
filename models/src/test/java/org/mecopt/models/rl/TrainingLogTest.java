package org.mecopt.models.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLogTest {

    private static TrainingLog sample() {
        TrainingLog log = new TrainingLog(List.of("loss", "q"));
        log.episode(10, 10, 10);
        log.episode(40, 30, 30);
        log.interval(50, 1234.5, Double.NaN, 0.5);
        log.episode(60, 20, 20);
        log.interval(100, 1500, 0.25, 1.5);
        log.evaluation(100, 42, 3, 5);
        return log;
    }

    @Test
    void writesCurvesAsCsvAndPng(@TempDir Path dir) throws Exception {
        TrainingLog log = sample();
        assertEquals(20, log.recentReturn(), 1e-12);
        log.write(dir, "test");
        assertEquals(List.of("episode,step,return,length", "1,10,10.0,10", "2,40,30.0,30", "3,60,20.0,20"),
                Files.readAllLines(dir.resolve("episodes.csv")));
        assertEquals(List.of("step,episodes,recentReturn,stepsPerSecond,loss,q", "50,2,20.0,1234.5,NaN,0.5",
                "100,3,20.0,1500.0,0.25,1.5"), Files.readAllLines(dir.resolve("metrics.csv")));
        assertEquals(List.of("step,meanReturn,stdReturn,episodes", "100,42.0,3.0,5"),
                Files.readAllLines(dir.resolve("evaluations.csv")));
        for (String png : List.of("returns.png", "metric-loss.png", "metric-q.png", "steps-per-second.png")) {
            assertTrue(Files.size(dir.resolve(png)) > 1000, png);
        }
    }

    @Test
    void survivesACheckpointAndFormatsAProgressLine() throws Exception {
        TrainingLog log = sample();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        log.save(new DataOutputStream(bytes));
        TrainingLog loaded = TrainingLog.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(log.episodes(), loaded.episodes());
        assertEquals(log.evaluations(), loaded.evaluations());
        assertEquals(log.intervals().size(), loaded.intervals().size());
        assertEquals(1.5, loaded.intervals().get(1).metrics()[1]);
        StringWriter out = new StringWriter();
        RlProgress.line(new PrintWriter(out)).interval(log.intervals().get(1), 200, log.metricNames());
        assertEquals("step 100/200 [##########..........] episodes 3 return 20.0  loss 0.2500  q 1.500  1500 steps/s",
                out.toString().strip());
    }

    @Test
    void refusesMetricsThatAreNotColumns() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingLog(List.of("mean q")));
        assertThrows(IllegalArgumentException.class, () -> sample().interval(1, 1, 0.1));
    }
}

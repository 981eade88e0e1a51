package org.mecopt.models.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyTorch engine loads from the jars on the class path alone: a child JVM with an empty DJL
 * cache directory and every HTTP(S) request sent to a dead proxy still computes, trains a model
 * (generating its own tiny labelled set), saves, loads and predicts with it.
 */
class OfflineEngineTest {

    @Test
    void engineLoadsAndTrainsWithAnEmptyCacheAndNoNetwork(@TempDir Path cache, @TempDir Path work)
            throws IOException, InterruptedException {
        assertEquals("true", System.getProperty("ai.djl.offline"), "surefire sets ai.djl.offline");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dai.djl.offline=true", "-Djava.net.useSystemProxies=false",
                "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=9", "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=9",
                EngineProbe.class.getName(), work.toString());
        pb.environment().put("DJL_CACHE_DIR", cache.toString());
        pb.environment().put("ENGINE_CACHE_DIR", cache.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("engine=PyTorch") && out.contains("sum=10.0"), out);
        assertTrue(out.contains("trained epochs=2 feasible=true"), out);
        try (Stream<Path> files = Files.walk(cache)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("libtorch")), "natives extracted from the jar: " + names);
        }
    }
}

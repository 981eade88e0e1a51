package org.mecopt.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mecopt.api.ProblemFamilies;
import org.mecopt.toy.ToyCodec;
import org.mecopt.toy.ToyConfig;
import org.mecopt.toy.ToyFamily;
import org.mecopt.toy.ToyInstance;
import org.mecopt.toy.ToySolution;

/**
 * A family registered from the test classpath only ({@code org.mecopt.toy}) is generated, solved,
 * written and read back by the unchanged dataset code.
 */
class ToyFamilyDatasetTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Format.class)
    void aFamilyFromTheTestClasspathMakesADataset(Format format) throws IOException {
        Path dir = tmp.resolve("toy");
        var request = DatasetGenerator.Request.of(ProblemFamilies.get("toy")).withConfig(new ToyConfig(4, 0.5))
                .withSeed(3).withSamples(9).withShardSize(4).withFormat(format).withOut(dir).withThreads(2);
        var summary = DatasetGenerator.run(request, DatasetGenerator.Progress.NONE);
        assertTrue(summary.complete());
        assertEquals(3, summary.shardsWritten());

        DatasetReader data = DatasetReader.open(dir);
        assertEquals("toy", data.manifest().problem());
        assertEquals("clamp", data.manifest().solver());
        assertEquals(new ToyConfig(4, 0.5), data.manifest().generatorConfig());
        assertArrayEquals(new int[] {4}, data.schema().features().get(ToyCodec.TARGET));
        assertArrayEquals(new int[] {4}, data.schema().label().get(ToyCodec.X));
        List<Row> rows = data.rows().toList();
        assertEquals(9, rows.size());
        ToyFamily family = new ToyFamily();
        for (Row row : rows) {
            ToyInstance instance = family.generate((ToyConfig) data.manifest().generatorConfig(), row.sampleSeed());
            assertArrayEquals(instance.target(), row.features().get(ToyCodec.TARGET).data());
            ToyInstance read = family.codec().instance(row.features());
            ToySolution x = family.codec().solution(read, row.label());
            assertEquals(List.of(), read.violations(x));
            assertEquals(read.objective(x), row.objective());
            assertEquals("OPTIMAL", row.status());
        }
        assertEquals(List.of(), data.corruptShards());
        assertEquals(0, DatasetGenerator.run(request, DatasetGenerator.Progress.NONE).generated(), "resumes as any family");
    }
}

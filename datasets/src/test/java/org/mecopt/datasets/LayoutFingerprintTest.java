package org.mecopt.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mecopt.api.Tensor;

/**
 * Holds the dataset layout of every family to what the toolkit wrote before problem families became
 * plug-ins (commit 2f2d6bb): the expected digests were computed there, with the same requests. A
 * digest covers the manifest's configuration and schema, the Parquet file schema and key-value
 * metadata, the CSV header, and every row's index, seed, feature and label tensors (names, order,
 * shapes, values), objective, bound and gap. Not the solve time (measured), nor the status,
 * iterations and message, which are the solvers' to change.
 *
 * <p>One change since 2f2d6bb, on purpose: the manifest's {@code solverOptions} no longer records
 * {@code relativeGap} and {@code maxIterations} when they are not set (they used to hold the
 * toolkit-wide 1e-9 and 10^6, which solvers read as "not set"). Putting that pair back into the
 * configuration reproduced 2f2d6bb's digests exactly, so rows, tensors, schemas and Parquet metadata
 * are unchanged; {@link Manifest#withoutLegacyDefaults} lets older runs resume.
 *
 * <p>A second, in issue 12: {@code ica}'s default loop changed (warm-started subproblems, restarts),
 * so the latency labels, objectives and gaps changed, and with them the latency digests. With
 * {@code ica}'s default set back to the old loop ({@code subproblems=cold}) both old latency digests
 * (PARQUET c4d2e9ac…, CSV 6933ab3c…) were reproduced exactly: the layout itself is unchanged. The
 * manifest now also records {@code "solverRevision" : 2} for that {@code ica} (digests 0325f5e4… and
 * 8983caf6… without it), so a dataset labelled by the old loop is not resumed with new labels.
 *
 * <p>A third, also issue 12: {@code ica} revision 3 (smaller pull-in of warm starts, the stall test,
 * the fused Newton-matrix assembly, the proven bound at N = 1) changed the latency labels and the
 * manifest's {@code solverRevision}, so both latency digests changed again (4fbd7702… and
 * 5c4dbbac… before). No dataset code changed in that commit.
 */
class LayoutFingerprintTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "offloading, PARQUET, 4d1ad361868bbef737aaa5a4a9e8803d3c50ce01d35dfb0204fed78ad2975302",
        "offloading, CSV, ff23301abce8676181341e28198e19cc435e7ab67a93b4bc2d38ca1461a4c2f5",
        "latency, PARQUET, 700843999e87e5630b36fd030cffbcc0f228fc2ccd4b2517b7dd0f61c0980f4f",
        "latency, CSV, 47030e1c4d7b7af28ab1b2aba11504a59c2ff6bd8f53daba79bde416a31a0501",
        "qoe, PARQUET, 367f33dd6d7e14dca9d46de2fd080ef054c55c683254597fb68dc8b8d3520ed6",
        "qoe, CSV, 56498bc4a78aa8a74f59e12f9f6f2435fa9423c747d620da8c5615630641a50e",
    })
    void datasetsAreLaidOutAsBefore(String family, Format format, String expected) throws IOException {
        Path dir = tmp.resolve(family);
        DatasetGenerator.run(DatasetGeneratorTest.request(DatasetGeneratorTest.family(family), dir, 7, 4, 2, format),
                DatasetGenerator.Progress.NONE);
        String actual = fingerprint(dir, format);
        assertEquals(expected, actual, family + " " + format + ": the dataset layout changed");
    }

    static String fingerprint(Path dir, Format format) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        DatasetReader data = DatasetReader.open(dir);
        text(md, data.manifest().configuration().toString());
        text(md, data.schema().toJson().toString());
        for (Path file : data.shardFiles()) {
            if (format == Format.PARQUET) {
                try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
                    text(md, reader.getFooter().getFileMetaData().getSchema().toString());
                    Map<String, String> meta = new TreeMap<>(reader.getFooter().getFileMetaData().getKeyValueMetaData());
                    meta.entrySet().removeIf(e -> !e.getKey().startsWith("mecopt."));
                    text(md, meta.toString());
                }
            } else {
                text(md, Files.readAllLines(file, StandardCharsets.UTF_8).get(0));
            }
        }
        for (Row row : data) {
            number(md, row.index());
            number(md, row.sampleSeed());
            tensors(md, row.features());
            tensors(md, row.label());
            number(md, Double.doubleToLongBits(row.objective()));
            text(md, String.valueOf(row.bound()));
            text(md, String.valueOf(row.gap()));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void tensors(MessageDigest md, Map<String, Tensor> tensors) {
        tensors.forEach((name, t) -> {
            text(md, name);
            for (int d : t.shape()) {
                number(md, d);
            }
            for (double v : t.data()) {
                number(md, Double.doubleToLongBits(v));
            }
        });
    }

    private static void text(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        number(md, b.length);
        md.update(b);
    }

    private static void number(MessageDigest md, long v) {
        md.update(ByteBuffer.allocate(8).putLong(v).array());
    }
}

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
 */
class LayoutFingerprintTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "offloading, PARQUET, df3fbf3ebd7104f2f11e4a405187cf26f4b4a9153aad432d2b9581c0d8998ad8",
        "offloading, CSV, 8693b13d8eb155c0999e280d0fd3d698b1d196f32105e9531e1858e28e7c5962",
        "latency, PARQUET, 8921fc613ad5e2096c19d478c624d1951c7902ebff0478de332aadd32f83cbcd",
        "latency, CSV, 26c36de4361b3994b1d7516c008350adfc54e890f3f6d10efc1d2879f726b247",
        "qoe, PARQUET, 99a6c86f74a27f67097a101d04fffd112e1ffc7ca0fb7d84a19894bd34088b81",
        "qoe, CSV, 01067c7ee6b416792173885abc480093101381233c94d652e15a8ab280e4ebd8",
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

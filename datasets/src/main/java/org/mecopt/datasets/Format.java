package org.mecopt.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

/** The file format of a dataset's shards. */
public enum Format {
    /** Snappy-compressed Parquet; tensors as LIST&lt;DOUBLE&gt; columns. The default. */
    PARQUET("parquet"),
    /** One CSV per shard with a header; tensors as JSON arrays in a cell. For small sets. */
    CSV("csv");

    private final String extension;

    Format(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The shard file name, e.g. {@code part-00003.parquet}. */
    public String shardName(int shard) {
        return String.format("part-%05d.%s", shard, extension);
    }

    public static Format parse(String text) {
        for (Format f : values()) {
            if (f.extension.equalsIgnoreCase(text) || f.name().equalsIgnoreCase(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "'; known: parquet, csv");
    }

    ShardWriter open(Path file, Schema schema, String problem) throws IOException {
        return this == PARQUET ? new ParquetShards.Writer(file, schema, problem) : new CsvShards.Writer(file, schema);
    }

    Iterator<Row> read(Path file, Schema schema) throws IOException {
        return this == PARQUET ? ParquetShards.read(file) : CsvShards.read(file, schema);
    }
}

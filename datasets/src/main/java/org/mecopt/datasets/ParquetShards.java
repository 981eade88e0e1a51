package org.mecopt.datasets;

import org.mecopt.api.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.mecopt.io.Json;

/**
 * Parquet shards: Snappy-compressed, row groups of up to 32 MB, tensors as
 * standard three-level {@code LIST<DOUBLE>} columns so pyarrow, pandas and DuckDB read them as lists.
 * Files are written through {@link LocalOutputFile}, so no Hadoop file system is involved; Hadoop's
 * {@link Configuration} is still needed by the codec factory.
 */
final class ParquetShards {
    static final String SHAPES_KEY = "mecopt.shapes";
    static final String PROBLEM_KEY = "mecopt.problem";
    static final CompressionCodecName CODEC = CompressionCodecName.SNAPPY;
    /** Row groups of at most 32 MB, so the writer buffers at most that much (latency rows are 24 kB). */
    static final long ROW_GROUP_BYTES = 32L << 20;

    private ParquetShards() {
    }

    static MessageType messageType(Schema schema) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        b.required(PrimitiveTypeName.INT64).named("index");
        b.required(PrimitiveTypeName.INT64).named("sampleSeed");
        for (String column : schema.columns().keySet()) {
            b.requiredList().requiredElement(PrimitiveTypeName.DOUBLE).named(column);
        }
        b.required(PrimitiveTypeName.DOUBLE).named("objective");
        b.optional(PrimitiveTypeName.DOUBLE).named("bound");
        b.optional(PrimitiveTypeName.DOUBLE).named("gap");
        b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("status");
        b.required(PrimitiveTypeName.DOUBLE).named("solveTimeMillis");
        b.required(PrimitiveTypeName.INT64).named("iterations");
        b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("message");
        return b.named("mecopt_sample");
    }

    static final class Writer implements ShardWriter {
        private final ParquetWriter<Row> writer;

        Writer(Path file, Schema schema, String problem) throws IOException {
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put(PROBLEM_KEY, problem);
            meta.put(SHAPES_KEY, Json.toText(schema.toJson()).strip());
            writer = new Builder(new LocalOutputFile(file), new RowWriteSupport(schema, meta))
                    .withConf(new Configuration(false))
                    .withCompressionCodec(CODEC)
                    .withRowGroupSize(ROW_GROUP_BYTES)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withDictionaryEncoding(false)
                    .withDictionaryEncoding("status", true)
                    .build();
        }

        @Override
        public void write(Row row) throws IOException {
            writer.write(row);
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
        private final RowWriteSupport support;

        Builder(OutputFile file, RowWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(Configuration conf) {
            return support;
        }
    }

    private static final class RowWriteSupport extends WriteSupport<Row> {
        private final int tensorColumns;
        private final MessageType type;
        private final Map<String, String> meta;
        private RecordConsumer out;

        RowWriteSupport(Schema schema, Map<String, String> meta) {
            this.tensorColumns = schema.features().size() + schema.label().size();
            this.type = messageType(schema);
            this.meta = meta;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(type, meta);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            out = recordConsumer;
        }

        @Override
        public void write(Row row) {
            int f = 0;
            out.startMessage();
            putLong("index", f++, row.index());
            putLong("sampleSeed", f++, row.sampleSeed());
            for (Map.Entry<String, Tensor> e : row.features().entrySet()) {
                putList(Schema.FEATURE_PREFIX + e.getKey(), f++, e.getValue().data());
            }
            for (Map.Entry<String, Tensor> e : row.label().entrySet()) {
                putList(Schema.LABEL_PREFIX + e.getKey(), f++, e.getValue().data());
            }
            if (row.features().size() + row.label().size() != tensorColumns) {
                throw new IllegalStateException("row " + row.index() + " does not match the shard's schema");
            }
            putDouble("objective", f++, row.objective());
            if (row.bound() != null) {
                putDouble("bound", f, row.bound());
            }
            f++;
            if (row.gap() != null) {
                putDouble("gap", f, row.gap());
            }
            f++;
            putString("status", f++, row.status());
            putDouble("solveTimeMillis", f++, row.solveTimeMillis());
            putLong("iterations", f++, row.iterations());
            putString("message", f, row.message());
            out.endMessage();
        }

        private void putLong(String name, int index, long value) {
            out.startField(name, index);
            out.addLong(value);
            out.endField(name, index);
        }

        private void putDouble(String name, int index, double value) {
            out.startField(name, index);
            out.addDouble(value);
            out.endField(name, index);
        }

        private void putString(String name, int index, String value) {
            out.startField(name, index);
            out.addBinary(Binary.fromString(value));
            out.endField(name, index);
        }

        private void putList(String name, int index, double[] values) {
            out.startField(name, index);
            out.startGroup();
            if (values.length > 0) {
                out.startField("list", 0);
                for (double v : values) {
                    out.startGroup();
                    out.startField("element", 0);
                    out.addDouble(v);
                    out.endField("element", 0);
                    out.endGroup();
                }
                out.endField("list", 0);
            }
            out.endGroup();
            out.endField(name, index);
        }
    }

    /** The rows of one shard, streamed row group by row group. */
    static Iterator<Row> read(Path file) throws IOException {
        ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file));
        MessageType type = reader.getFooter().getFileMetaData().getSchema();
        String shapes = reader.getFooter().getFileMetaData().getKeyValueMetaData().get(SHAPES_KEY);
        if (shapes == null) {
            reader.close();
            throw new IOException(file + ": not a mecopt shard (no " + SHAPES_KEY + " metadata)");
        }
        Schema schema = Schema.fromJson(Json.readTree(shapes));
        MessageColumnIO io = new ColumnIOFactory().getColumnIO(type);
        return new Iterator<>() {
            private RecordReader<Group> records;
            private long left;
            private boolean closed;

            @Override
            public boolean hasNext() {
                try {
                    while (left == 0 && !closed) {
                        PageReadStore pages = reader.readNextRowGroup();
                        if (pages == null) {
                            reader.close();
                            closed = true;
                        } else {
                            left = pages.getRowCount();
                            records = io.getRecordReader(pages, new GroupRecordConverter(type));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return left > 0;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                left--;
                return toRow(records.read(), schema);
            }
        };
    }

    private static Row toRow(Group g, Schema schema) {
        Map<String, Tensor> features = new LinkedHashMap<>();
        schema.features().forEach((k, shape) -> features.put(k, tensor(g, Schema.FEATURE_PREFIX + k, shape)));
        Map<String, Tensor> label = new LinkedHashMap<>();
        schema.label().forEach((k, shape) -> label.put(k, tensor(g, Schema.LABEL_PREFIX + k, shape)));
        return new Row(g.getLong("index", 0), g.getLong("sampleSeed", 0), features, label,
                g.getDouble("objective", 0),
                g.getFieldRepetitionCount("bound") > 0 ? g.getDouble("bound", 0) : null,
                g.getFieldRepetitionCount("gap") > 0 ? g.getDouble("gap", 0) : null,
                g.getString("status", 0), g.getDouble("solveTimeMillis", 0), g.getLong("iterations", 0),
                g.getString("message", 0));
    }

    private static Tensor tensor(Group g, String column, int[] shape) {
        Group list = g.getGroup(column, 0);
        int n = list.getFieldRepetitionCount("list");
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = list.getGroup("list", i).getDouble("element", 0);
        }
        return new Tensor(data, shape.clone());
    }

    static Map<String, String> metadata(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return new HashMap<>(reader.getFooter().getFileMetaData().getKeyValueMetaData());
        }
    }
}

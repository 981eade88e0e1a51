package org.mecopt.datasets;

import org.mecopt.api.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a dataset directory written by {@link DatasetGenerator}: the rows of the shards recorded in
 * {@code manifest.json}, in index order, streamed one shard at a time (Parquet or CSV alike).
 *
 * <pre>{@code
 * DatasetReader data = DatasetReader.open(Path.of("data/latency"));
 * for (Row row : data) {
 *     Tensor h = row.features().get("channelMagnitude");   // data() flat, shape() [N, K, L]
 *     Tensor p = row.label().get("power");                 // [N, K]
 * }
 * }</pre>
 */
public final class DatasetReader implements Iterable<Row> {
    private final Path dir;
    private final Manifest manifest;

    private DatasetReader(Path dir, Manifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /** Opens a dataset directory (reads its manifest; no shard is read yet). */
    public static DatasetReader open(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(Manifest.FILE))) {
            throw new IOException(dir + " holds no " + Manifest.FILE);
        }
        return new DatasetReader(dir, Manifest.read(dir));
    }

    public Manifest manifest() {
        return manifest;
    }

    /** Feature and label shapes; null when no shard is written yet. */
    public Schema schema() {
        return manifest.schema();
    }

    /** Rows in the finished shards. */
    public long size() {
        return manifest.rows();
    }

    /** The shard files, in index order. */
    public List<Path> shardFiles() {
        List<Path> files = new ArrayList<>();
        manifest.shards().values().forEach(s -> files.add(dir.resolve(s.file())));
        return Collections.unmodifiableList(files);
    }

    /** The shards whose file is missing or does not match its recorded size and SHA-256. */
    public List<String> corruptShards() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Manifest.Shard s : manifest.shards().values()) {
            if (!Manifest.intact(dir, s)) {
                bad.add(s.file());
            }
        }
        return bad;
    }

    /** Rows of one shard file (of this dataset's format). */
    public Iterator<Row> shard(Path file) throws IOException {
        return manifest.format().read(file, manifest.schema());
    }

    @Override
    public Iterator<Row> iterator() {
        Iterator<Path> files = shardFiles().iterator();
        return new Iterator<>() {
            private Iterator<Row> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && files.hasNext()) {
                    try {
                        current = shard(files.next());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** The rows as a sequential stream. */
    public Stream<Row> rows() {
        return StreamSupport.stream(Spliterators.spliterator(iterator(), size(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}

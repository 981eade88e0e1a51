package org.mecopt.datasets;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mecopt.io.AtomicFiles;

/**
 * The embedded engine's run of {@link DatasetGenerator#run}: {@code threads} workers take chunks of
 * consecutive sample indices, solve them, and whichever worker completes the chunk that is next in
 * index order writes it (and any completed chunks after it) to the open shard. There is no dedicated
 * writing thread.
 *
 * <p>Why this shape: the writing is cheap but serial (CPU per row, {@link CpuProfile}: latency K=10,
 * N=4, M=64 0.15 ms of 10.2 ms; qoe with 20 users 0.011 ms of 0.35 ms), so what limited scaling was
 * not the Parquet encoding but the hand-off: one future per sample and a writing thread that had to
 * be woken, and scheduled, for every row (one voluntary context switch per row), and a descheduled
 * writer stalled all workers once the window filled. Chunks make the hand-off per 1–16 rows, and
 * writing on a worker means {@code --threads 1} is one busy thread, not two, so the 1 → 2 thread
 * scaling is the pipeline's, not the writer's.
 *
 * <p>Order and memory: chunks are handed out in index order and written strictly in that order, so
 * a shard's rows are in index order and the files are what one thread writes. A worker waits while
 * {@code window} chunks are handed out but not yet written, which bounds the rows in memory to about
 * {@code 64 × threads}.
 */
final class ShardPipeline {

    /** Produces the row of one sample index, charging its stages to the meter. */
    interface Source {
        Row row(long index, CpuProfile.Meter meter);
    }

    /** Rows a run keeps in flight per thread, at most. */
    static final int ROWS_IN_FLIGHT_PER_THREAD = 64;
    /** Rows per chunk, at most: small enough that one slow chunk does not hold the others back long. */
    static final int MAX_CHUNK_ROWS = 16;

    private record Chunk(long seq, int shard, long first, int rows) {
    }

    private final DatasetGenerator.Request r;
    private final Path dir;
    private final Manifest manifest;
    private final Source source;
    private final DatasetGenerator.Progress progress;
    private final CpuProfile.Meter meter;
    private final int[] shards;
    private final long toDo;
    private final int chunkRows;
    private final int window;

    // hand-out and hand-over state, guarded by lock
    private final Object lock = new Object();
    private int cursor;              // position in shards of the next chunk
    private long cursorOffset;       // its first row within that shard
    private long nextSeq;
    private long writtenSeq;
    private final Map<Long, Row[]> done = new HashMap<>();
    private boolean draining;
    private Throwable failure;
    private volatile boolean stopped; // failure != null, readable without the lock

    // writing state: touched only by the draining worker, handed over under lock
    private int shard = -1;
    private ShardWriter writer;
    private Path temp;
    private Map<String, Long> counts;
    private long shardRowsWritten;
    private long rowsBeforeShard;
    private long generated;
    private int written;
    private final double[] times;
    private final long start = System.nanoTime();

    ShardPipeline(DatasetGenerator.Request r, Path dir, Manifest manifest, int[] shards, Source source,
                  DatasetGenerator.Progress progress, CpuProfile.Meter meter) {
        this.r = r;
        this.dir = dir;
        this.manifest = manifest;
        this.shards = shards.clone();
        this.source = source;
        this.progress = progress;
        this.meter = meter;
        long rows = 0;
        for (int s : shards) {
            rows += DatasetGenerator.shardRows(r, s);
        }
        this.toDo = rows;
        // at least ~16 chunks per thread, so short runs still spread over the threads
        this.chunkRows = (int) Math.max(1, Math.min(MAX_CHUNK_ROWS, rows / (16L * r.threads())));
        this.window = Math.max(2 * r.threads(), ROWS_IN_FLIGHT_PER_THREAD * r.threads() / chunkRows);
        this.times = new double[(int) Math.min(rows, Integer.MAX_VALUE - 8)];
    }

    long toDo() {
        return toDo;
    }

    long generated() {
        return generated;
    }

    int shardsWritten() {
        return written;
    }

    /** This run's solve times in index order (for the summary's mean and percentile). */
    double[] solveTimes() {
        return java.util.Arrays.copyOf(times, (int) Math.min(generated, times.length));
    }

    /** Runs the workers to the end; rethrows the first failure of any of them. */
    void run() throws IOException {
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < r.threads(); t++) {
            Thread w = new Thread(this::work, "mecopt-datasets-" + t);
            w.setDaemon(true);
            workers.add(w);
        }
        try {
            // started inside the try: a thread that cannot start stops the ones that did (a join
            // on a thread never started returns at once)
            workers.forEach(Thread::start);
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            fail(e);
            workers.forEach(Thread::interrupt);
            joinUninterruptibly(workers);
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            fail(e);
            workers.forEach(Thread::interrupt);
            joinUninterruptibly(workers);
        } finally {
            if (writer != null) { // a failed run leaves its temporary for the next run to delete
                try {
                    writer.close();
                } catch (IOException | RuntimeException ignored) {
                    // the failure that stopped the run is the one to report
                }
            }
        }
        synchronized (lock) {
            if (failure != null) {
                throw rethrow(failure);
            }
        }
    }

    private void work() {
        try {
            while (true) {
                Chunk c;
                synchronized (lock) {
                    if (failure == null && cursor < shards.length && nextSeq - writtenSeq >= window) {
                        long w0 = System.nanoTime();
                        while (failure == null && cursor < shards.length && nextSeq - writtenSeq >= window) {
                            lock.wait();
                        }
                        meter.waited.add(System.nanoTime() - w0);
                    }
                    if (failure != null || cursor == shards.length) {
                        return;
                    }
                    c = handOut();
                }
                Row[] rows = new Row[c.rows()];
                for (int i = 0; i < rows.length; i++) {
                    if (stopped) {
                        return; // another worker failed: a long solver need not finish the chunk
                    }
                    rows[i] = source.row(c.first() + i, meter);
                }
                boolean drain;
                synchronized (lock) {
                    if (failure != null) {
                        return;
                    }
                    done.put(c.seq(), rows);
                    drain = !draining && c.seq() == writtenSeq;
                    draining |= drain;
                }
                if (drain) {
                    drain();
                }
            }
        } catch (Throwable t) {
            fail(t);
        } finally {
            meter.threads.add(CpuProfile.Meter.now());
        }
    }

    /** The next chunk in index order; chunks never cross a shard's end. Called under lock. */
    private Chunk handOut() {
        int s = shards[cursor];
        long rows = DatasetGenerator.shardRows(r, s);
        int n = (int) Math.min(chunkRows, rows - cursorOffset);
        Chunk c = new Chunk(nextSeq++, s, (long) s * r.shardSize() + cursorOffset, n);
        cursorOffset += n;
        if (cursorOffset == rows) {
            cursor++;
            cursorOffset = 0;
        }
        return c;
    }

    /** Writes completed chunks in order until the next one is not done yet. */
    private void drain() throws IOException {
        while (true) {
            Row[] rows;
            synchronized (lock) {
                rows = failure == null ? done.remove(writtenSeq) : null;
                if (rows == null) {
                    draining = false;
                    return;
                }
            }
            long c0 = CpuProfile.Meter.now();
            for (Row row : rows) {
                write(row);
            }
            long cpu = CpuProfile.Meter.now() - c0;
            meter.write.add(cpu);
            meter.writeSerial.add(cpu);
            synchronized (lock) {
                writtenSeq++;
                lock.notifyAll();
            }
        }
    }

    private void write(Row row) throws IOException {
        int s = (int) (row.index() / r.shardSize());
        if (s != shard) {
            shard = s;
            Schema schema = Schema.of(row);
            if (manifest.schema() == null) {
                manifest.schema(schema);
            } else if (!manifest.schema().sameAs(schema)) {
                throw new IllegalStateException("row " + row.index() + " has shapes " + schema.toJson()
                        + ", the dataset " + manifest.schema().toJson());
            }
            temp = DatasetGenerator.temporary(dir, r.format(), s);
            Files.deleteIfExists(temp);
            writer = r.format().open(temp, schema, r.family().name());
            counts = new TreeMap<>();
            shardRowsWritten = 0;
            rowsBeforeShard = manifest.rows();
        }
        writer.write(row);
        counts.merge(row.status(), 1L, Long::sum);
        shardRowsWritten++;
        if (generated < times.length) {
            times[(int) generated] = row.solveTimeMillis();
        }
        generated++;
        meter.samples.increment();
        long rows = DatasetGenerator.shardRows(r, s);
        if (shardRowsWritten == rows) {
            ShardWriter w = writer;
            writer = null;
            w.close();
            Path file = dir.resolve(r.format().shardName(s));
            AtomicFiles.moveDurably(temp, file); // forced before the manifest names it
            manifest.put(s, new Manifest.Shard(file.getFileName().toString(), (long) s * r.shardSize(),
                    shardRowsWritten, Files.size(file), Manifest.sha256(file), counts));
            manifest.write(dir);
            written++;
        }
        progress.update(rowsBeforeShard + shardRowsWritten, r.samples(), generated, toDo, System.nanoTime() - start);
    }

    private void fail(Throwable t) {
        synchronized (lock) {
            if (failure == null) {
                failure = t;
            }
            stopped = true;
            lock.notifyAll();
        }
    }

    private static void joinUninterruptibly(List<Thread> workers) {
        for (Thread w : workers) {
            while (w.isAlive()) {
                try {
                    w.join();
                } catch (InterruptedException ignored) {
                    // keep waiting: the workers were told to stop and will
                }
            }
        }
    }

    private static IOException rethrow(Throwable t) {
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof InterruptedException ie) {
            InterruptedIOException e = new InterruptedIOException("interrupted");
            e.initCause(ie);
            return e;
        }
        return new IOException(t);
    }
}

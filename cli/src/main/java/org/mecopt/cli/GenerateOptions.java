package org.mecopt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.mecopt.api.SolverOptions;
import org.mecopt.datasets.CpuProfile;
import org.mecopt.datasets.DatasetGenerator;
import org.mecopt.datasets.Format;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options every {@code generate} subcommand shares, and the run itself. */
final class GenerateOptions {

    @Option(names = "--samples", required = true, description = "Number of samples N.")
    long samples;

    @Option(names = "--seed", required = true, description = "Dataset seed; sample i is drawn from SplitMix64(seed, i).")
    long seed;

    @Option(names = "--out", required = true, description = "Dataset directory (shards + manifest.json).")
    Path out;

    @Option(names = "--solver", description = "Label solver (default: the problem's best classical solver).")
    String solver;

    @Option(names = "--threads", description = "Solver threads (default: the number of cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--format", defaultValue = "parquet", description = "parquet (Snappy) or csv (default ${DEFAULT-VALUE}).",
            converter = FormatConverter.class)
    Format format;

    @Option(names = "--shard-size", defaultValue = "10000", description = "Rows per shard file (default ${DEFAULT-VALUE}).")
    int shardSize;

    @Option(names = "--overwrite", description = "Replace an existing dataset of another configuration in --out.")
    boolean overwrite;

    @Option(names = "--stop-after-shards", hidden = true, defaultValue = "0",
            description = "Stop after writing this many shards (simulates an interrupted run).")
    int stopAfterShards;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Generates a dataset of {@code generator}'s family and configuration with these options. */
    int run(DatasetGenerator.Request generator, CommandSpec spec) throws Exception {
        var request = generator.withSolver(solver).withOptions(SolverOptions.defaults()).withSeed(seed)
                .withSamples(samples).withShardSize(shardSize).withFormat(format).withOut(out).withThreads(threads)
                .withOverwrite(overwrite).withStopAfterShards(stopAfterShards);
        DatasetGenerator.validate(request);
        PrintWriter err = spec.commandLine().getErr();
        ProgressPrinter progress = new ProgressPrinter(err, System.console() != null);
        DatasetGenerator.Summary s = DatasetGenerator.run(request, progress);
        progress.finish();
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s: %d/%d rows in %s (%s, %d shard(s) written, %d kept, %.1f MB)%n",
                s.complete() ? "complete" : "INCOMPLETE", s.rows(), samples, s.dir(), format.extension(),
                s.shardsWritten(), s.shardsKept(), s.bytes() / 1e6);
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<String, Long> e : s.countsByStatus().entrySet()) {
            counts.append(counts.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
        }
        o.printf(Locale.ROOT, "status: %s%n", counts.length() == 0 ? "none" : counts);
        o.printf(Locale.ROOT, "this run: %d samples in %.1f s = %.1f samples/s with %d thread(s); solve time mean %.2f ms, p95 %.2f ms%n",
                s.generated(), s.seconds(), s.samplesPerSecond(), threads, s.meanSolveMillis(), s.p95SolveMillis());
        CpuProfile cpu = s.cpu();
        if (cpu.samples() > 0 && cpu.threadNanos() > 0) {
            o.printf(Locale.ROOT, "cpu per sample: instance %.3f ms, solve %.3f ms, encode %.3f ms, write %.3f ms (serial),"
                            + " other %.3f ms; whole JVM %.3f ms (adds JIT, GC %.3f ms); workers idle on the window %.1f%%"
                            + " -> ~%.0f samples/s on %d idle core(s)%n",
                    cpu.perSampleMillis(cpu.instanceNanos()), cpu.perSampleMillis(cpu.solveNanos()),
                    cpu.perSampleMillis(cpu.encodeNanos()), cpu.perSampleMillis(cpu.writeNanos()),
                    cpu.perSampleMillis(cpu.otherThreadNanos()), cpu.perSampleMillis(cpu.processNanos()),
                    cpu.perSampleMillis(cpu.gcNanos()), 100.0 * cpu.waitNanos() / ((double) threads * cpu.wallNanos()),
                    cpu.idleEstimate(threads), threads);
        }
        o.flush();
        return 0;
    }

    /** A live bar on a terminal, plain lines every few seconds otherwise; both to stderr. */
    static final class ProgressPrinter implements DatasetGenerator.Progress {
        private static final long TTY_EVERY = 200_000_000L;
        private static final long LINE_EVERY = 5_000_000_000L;
        private final PrintWriter err;
        private final boolean tty;
        private long last = Long.MIN_VALUE;
        private long lastDone;
        private long lastElapsed;
        private String lastText;

        ProgressPrinter(PrintWriter err, boolean tty) {
            this.err = err;
            this.tty = tty;
        }

        @Override
        public void update(long done, long total, long doneThisRun, long toDoThisRun, long elapsedNanos) {
            long now = System.nanoTime();
            boolean end = doneThisRun == toDoThisRun;
            if (!end && last != Long.MIN_VALUE && now - last < (tty ? TTY_EVERY : LINE_EVERY)) {
                return;
            }
            if (last == Long.MIN_VALUE && !end && !tty) {
                last = now;
                lastDone = doneThisRun;
                lastElapsed = elapsedNanos;
                return;
            }
            last = now;
            double rate = elapsedNanos > 0 ? doneThisRun / (elapsedNanos / 1e9) : 0;
            // the rate since the previous line: the run's average includes start-up and JIT warm-up
            double recent = elapsedNanos > lastElapsed ? (doneThisRun - lastDone) / ((elapsedNanos - lastElapsed) / 1e9) : 0;
            lastDone = doneThisRun;
            lastElapsed = elapsedNanos;
            long left = toDoThisRun - doneThisRun;
            double etaRate = !tty && recent > 0 ? recent : rate;
            String eta = etaRate > 0 ? duration(left / etaRate) : "?";
            double fraction = total == 0 ? 1 : (double) done / total;
            if (tty) {
                int width = 30;
                int filled = (int) Math.round(fraction * width);
                lastText = String.format(Locale.ROOT, "\r[%s%s] %5.1f%% %d/%d  %.1f samples/s  ETA %s ",
                        "#".repeat(filled), ".".repeat(width - filled), 100 * fraction, done, total, rate, eta);
                err.print(lastText);
            } else {
                err.printf(Locale.ROOT, "generate: %d/%d (%.1f%%), %.1f samples/s (since the last line %.1f), ETA %s%n",
                        done, total, 100 * fraction, rate, recent, eta);
            }
            err.flush();
        }

        void finish() {
            if (tty && lastText != null) {
                err.println();
                err.flush();
            }
        }

        private static String duration(double seconds) {
            long s = Math.round(seconds);
            return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }
}

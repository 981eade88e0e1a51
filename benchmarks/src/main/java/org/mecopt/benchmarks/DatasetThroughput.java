package org.mecopt.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.mecopt.api.ProblemFamilies;
import org.mecopt.datasets.CpuProfile;
import org.mecopt.datasets.DatasetGenerator;
import org.mecopt.datasets.DatasetReader;
import org.mecopt.datasets.Row;

/**
 * Label throughput of {@code generate} (issue 12, item 4), measured so that it means something on a
 * shared machine: for each family and thread count, in one warmed-up JVM, the marginal samples/s (rows
 * written after the first fifth of the run, so thread start, the first shard and the early JIT are out),
 * where each thread's CPU time went ({@link CpuProfile}: instance, solve, encode, serial writing), the
 * whole process's CPU per sample over the same marginal stretch, and from it what an otherwise idle
 * machine with that many cores would give. The load average is printed before and after every run:
 * wall-clock rates are only comparable between runs at the same load, CPU times much more so.
 *
 * <p>Runs alternate the thread counts (1, 2, then 2, 1, ...), so slow drifts of the load hit both.
 * For latency it also prints the distribution of the labels' certified gap to the interference-free
 * lower bound (the {@code gap} column) over the rows it generated.
 *
 * <p>HOW TO RUN (after {@code mvn -B -ntp -o -DskipTests package -pl benchmarks -am}):
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.mecopt.benchmarks.DatasetThroughput \
 *     [--families latency,qoe] [--threads 1,2] [--latency-samples 3000] [--qoe-samples 60000] \
 *     [--repeats 1] [--warmup-fraction 0.2] [--out /tmp/throughput]
 * java -cp benchmarks/target/benchmarks.jar org.mecopt.benchmarks.DatasetThroughput --gaps DIR
 * </pre>
 * The second form prints the gap distribution of an existing latency dataset (e.g. one made by
 * {@code ./mecopt generate latency}).
 * Latency is K=10, N=4, M=64 (the generator's default, the case), qoe 20 users (its default).
 */
public final class DatasetThroughput {
    private DatasetThroughput() {
    }

    /** One measured run. */
    record Run(String family, int threads, long samples, double wallSeconds, double marginalRate,
               double marginalCpuMillis, CpuProfile cpu, double loadBefore, double loadAfter) {

        /** Samples/s on {@code threads} idle cores from the marginal process CPU per sample, capped by the serial writing. */
        double idleEstimate() {
            double parallel = threads * 1000 / marginalCpuMillis;
            double serial = cpu.writeSerialNanos() > 0 ? cpu.samples() / (cpu.writeSerialNanos() / 1e9) : Double.POSITIVE_INFINITY;
            return Math.min(parallel, serial);
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> o = options(args);
        if (o.containsKey("--gaps")) { // only the gap distribution of an existing latency dataset
            gaps(Path.of(o.get("--gaps")));
            return;
        }
        List<String> families = List.of(o.getOrDefault("--families", "latency,qoe").split(","));
        int[] threads = Arrays.stream(o.getOrDefault("--threads", "1,2").split(",")).mapToInt(Integer::parseInt).toArray();
        int repeats = Integer.parseInt(o.getOrDefault("--repeats", "1"));
        double warm = Double.parseDouble(o.getOrDefault("--warmup-fraction", "0.2"));
        Path out = Path.of(o.getOrDefault("--out", System.getProperty("java.io.tmpdir") + "/mecopt-throughput"));
        System.out.printf(Locale.ROOT, "%d processor(s) visible to the JVM; java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<Run> runs = new ArrayList<>();
        for (String family : families) {
            long samples = Long.parseLong(o.getOrDefault("--" + family + "-samples", family.equals("latency") ? "3000" : "60000"));
            DatasetGenerator.Request base = DatasetGenerator.Request.of(ProblemFamilies.get(family)).withSeed(2026)
                    .withShardSize(Math.max(1, (int) Math.min(DatasetGenerator.Request.DEFAULT_SHARD_SIZE, samples / 4)))
                    .withOverwrite(true);
            // warm-up: JIT-compile the generator, solver, codec and writer before anything is measured
            measure(base.withSeed(1).withSamples(Math.max(200, samples / 10)), out.resolve(family + "-warmup"),
                    threads[threads.length - 1], warm);
            for (int r = 0; r < repeats; r++) {
                for (int i = 0; i < threads.length; i++) {
                    int t = threads[r % 2 == 0 ? i : threads.length - 1 - i];
                    Path dir = out.resolve(family + "-t" + t);
                    Run run = measure(base.withSamples(samples), dir, t, warm);
                    print(run);
                    runs.add(run);
                    if (family.equals("latency") && r == repeats - 1 && i == threads.length - 1) {
                        gaps(dir);
                    }
                }
            }
        }
        summary(runs, threads);
    }

    private static Run measure(DatasetGenerator.Request request, Path dir, int threads, double warmFraction)
            throws IOException {
        long mark = Math.max(1, (long) Math.ceil(warmFraction * request.samples()));
        long[] atMark = new long[2]; // wall ns and process CPU ns when `mark` rows were written
        double loadBefore = load();
        long wall0 = System.nanoTime();
        DatasetGenerator.Summary s = DatasetGenerator.run(request.withOut(dir).withThreads(threads),
                (done, total, doneThisRun, toDo, elapsed) -> {
                    if (doneThisRun == mark) {
                        atMark[0] = System.nanoTime();
                        atMark[1] = processCpu();
                    }
                });
        long wall1 = System.nanoTime();
        long cpu1 = processCpu();
        long rows = s.generated() - mark;
        double marginalRate = rows > 0 ? rows / ((wall1 - atMark[0]) / 1e9) : Double.NaN;
        double marginalCpu = rows > 0 ? (cpu1 - atMark[1]) / 1e6 / rows : Double.NaN;
        return new Run(request.family().name(), threads, s.generated(), (wall1 - wall0) / 1e9, marginalRate,
                marginalCpu, s.cpu(), loadBefore, load());
    }

    private static void print(Run r) {
        CpuProfile c = r.cpu();
        System.out.printf(Locale.ROOT, "%-8s threads %d: %d samples in %.1f s; marginal %.1f samples/s; load %.1f -> %.1f%n",
                r.family(), r.threads(), r.samples(), r.wallSeconds(), r.marginalRate(), r.loadBefore(), r.loadAfter());
        System.out.printf(Locale.ROOT, "         CPU ms/sample (whole run): instance %.3f, solve %.3f, encode %.3f, write %.3f (serial),"
                        + " other %.3f; process %.3f (GC %.3f); marginal process %.3f%n",
                c.perSampleMillis(c.instanceNanos()), c.perSampleMillis(c.solveNanos()), c.perSampleMillis(c.encodeNanos()),
                c.perSampleMillis(c.writeNanos()), c.perSampleMillis(c.otherThreadNanos()), c.perSampleMillis(c.processNanos()),
                c.perSampleMillis(c.gcNanos()), r.marginalCpuMillis());
        System.out.printf(Locale.ROOT, "         cores used %.2f of %d threads; workers waited on the window %.1f%% of their time;"
                        + " idle-machine estimate %.1f samples/s (serial writing alone would allow %.0f/s)%n",
                c.processNanos() / (double) c.wallNanos(), r.threads(),
                100.0 * c.waitNanos() / (r.threads() * (double) c.wallNanos()), r.idleEstimate(),
                c.writeSerialNanos() > 0 ? c.samples() / (c.writeSerialNanos() / 1e9) : Double.POSITIVE_INFINITY);
    }

    private static void summary(List<Run> runs, int[] threads) {
        System.out.println("\nsummary (medians over repeats)");
        Map<String, List<Run>> byFamily = new LinkedHashMap<>();
        runs.forEach(r -> byFamily.computeIfAbsent(r.family(), k -> new ArrayList<>()).add(r));
        byFamily.forEach((family, list) -> {
            Map<Integer, double[]> m = new TreeMap<>();
            for (int t : threads) {
                List<Run> at = list.stream().filter(r -> r.threads() == t).toList();
                m.put(t, new double[] {median(at.stream().mapToDouble(Run::marginalRate).toArray()),
                        median(at.stream().mapToDouble(Run::idleEstimate).toArray()),
                        median(at.stream().mapToDouble(r -> r.cpu().perSampleMillis(r.cpu().solveNanos())).toArray())});
            }
            m.forEach((t, v) -> System.out.printf(Locale.ROOT,
                    "%-8s %d thread(s): measured %.1f samples/s, idle estimate %.1f samples/s, solve CPU %.3f ms/sample%n",
                    family, t, v[0], v[1], v[2]));
            if (m.size() >= 2) {
                int lo = threads[0];
                int hi = threads[threads.length - 1];
                System.out.printf(Locale.ROOT, "%-8s scaling %d -> %d threads: measured %.2fx, idle estimate %.2fx%n",
                        family, lo, hi, m.get(hi)[0] / m.get(lo)[0], m.get(hi)[1] / m.get(lo)[1]);
            }
        });
    }

    /** Quantiles of the latency labels' certified gap to the interference-free lower bound. */
    private static void gaps(Path dir) throws IOException {
        DatasetReader data = DatasetReader.open(dir);
        java.util.stream.DoubleStream.Builder found = java.util.stream.DoubleStream.builder();
        long[] missingCount = new long[1];
        Map<String, Long> statuses = new TreeMap<>();
        try (Stream<Row> rows = data.rows()) { // streamed: a 200 000-row dataset is 4.8 GB of rows
            rows.forEach(r -> {
                if (r.gap() == null) {
                    missingCount[0]++;
                } else {
                    found.add(r.gap());
                }
                statuses.merge(r.status(), 1L, Long::sum);
            });
        }
        double[] gaps = found.build().sorted().toArray();
        long missing = missingCount[0];
        if (gaps.length == 0) {
            System.out.println("latency gaps: none recorded");
            return;
        }
        System.out.printf(Locale.ROOT, "latency labels' gap to the interference-free bound over %d rows (%d without one):"
                        + " median %.3f%%, mean %.3f%%, p90 %.3f%%, p99 %.3f%%, max %.3f%%; above 0.5%%: %d, above 1%%: %d;"
                        + " statuses %s%n",
                gaps.length + missing, missing, 100 * quantile(gaps, 0.5), 100 * Arrays.stream(gaps).average().orElse(0),
                100 * quantile(gaps, 0.9), 100 * quantile(gaps, 0.99), 100 * gaps[gaps.length - 1],
                Arrays.stream(gaps).filter(g -> g > 0.005).count(), Arrays.stream(gaps).filter(g -> g > 0.01).count(), statuses);
    }

    static double quantile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got " + String.join(" ", args));
            }
            o.put(args[i], args[++i]);
        }
        return o;
    }
}

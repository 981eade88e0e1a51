package org.mecopt.models.rl;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mecopt.io.AtomicFiles;

/**
 * The curves of an RL training run: the return and length of every episode, the algorithm's metrics
 * (e.g. loss, mean Q, ε) and the steps per second per logging interval, and greedy evaluations.
 * {@link #write} leaves them as CSV ({@code episodes.csv}, {@code metrics.csv},
 * {@code evaluations.csv}) and PNG ({@code returns.png}, one {@code metric-<name>.png} per metric,
 * {@code steps-per-second.png}); {@link #save}/{@link #load} carry them through a checkpoint.
 * A metric that has no value in an interval (a loss before learning starts) is NaN.
 */
public final class TrainingLog {
    /** Episodes averaged for the progress line's recent return. */
    public static final int RECENT = 20;
    private static final String MAGIC = "mecopt-training-log-1";

    /** An episode that ended at environment step {@code step} (counted over the run). */
    public record Episode(long step, double episodicReturn, int length) {
    }

    /** A logging interval ending at {@code step}: the metrics' means over the interval, in the log's order. */
    public record Interval(long step, int episodes, double recentReturn, double stepsPerSecond, double[] metrics) {
        public Interval {
            metrics = metrics.clone();
        }

        @Override
        public double[] metrics() {
            return metrics.clone();
        }
    }

    /** A greedy evaluation at {@code step}: the mean and standard deviation of the returns of its episodes. */
    public record Evaluation(long step, double meanReturn, double stdReturn, int episodes) {
    }

    private final List<String> metricNames;
    private final List<Episode> episodes = new ArrayList<>();
    private final List<Interval> intervals = new ArrayList<>();
    private final List<Evaluation> evaluations = new ArrayList<>();

    /** @param metricNames the algorithm's metrics, in the order {@link #interval} receives them */
    public TrainingLog(List<String> metricNames) {
        for (String name : metricNames) {
            if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                throw new IllegalArgumentException("metric name '" + name + "' must be a plain identifier (a CSV column)");
            }
        }
        this.metricNames = List.copyOf(metricNames);
    }

    public List<String> metricNames() {
        return metricNames;
    }

    public void episode(long step, double episodicReturn, int length) {
        episodes.add(new Episode(step, episodicReturn, length));
    }

    /** Records an interval's metrics (one per {@link #metricNames} entry) and returns it. */
    public Interval interval(long step, double stepsPerSecond, double... metrics) {
        if (metrics.length != metricNames.size()) {
            throw new IllegalArgumentException(metrics.length + " metrics given, the log has " + metricNames);
        }
        Interval row = new Interval(step, episodes.size(), recentReturn(), stepsPerSecond, metrics);
        intervals.add(row);
        return row;
    }

    public void evaluation(long step, double meanReturn, double stdReturn, int episodeCount) {
        evaluations.add(new Evaluation(step, meanReturn, stdReturn, episodeCount));
    }

    /** The mean return of the last {@link #RECENT} episodes, NaN before the first one ended. */
    public double recentReturn() {
        if (episodes.isEmpty()) {
            return Double.NaN;
        }
        int from = Math.max(0, episodes.size() - RECENT);
        return episodes.subList(from, episodes.size()).stream().mapToDouble(Episode::episodicReturn).average()
                .orElseThrow();
    }

    public List<Episode> episodes() {
        return List.copyOf(episodes);
    }

    public List<Interval> intervals() {
        return List.copyOf(intervals);
    }

    public List<Evaluation> evaluations() {
        return List.copyOf(evaluations);
    }

    /** Writes the CSV files and the PNG charts into {@code dir} (each file atomically). */
    public void write(Path dir, String title) throws IOException {
        StringBuilder csv = new StringBuilder("episode,step,return,length\n");
        for (int i = 0; i < episodes.size(); i++) {
            Episode e = episodes.get(i);
            csv.append(String.format(Locale.ROOT, "%d,%d,%s,%d%n", i + 1, e.step(), e.episodicReturn(), e.length()));
        }
        AtomicFiles.writeString(dir.resolve("episodes.csv"), csv.toString());
        csv = new StringBuilder("step,episodes,recentReturn,stepsPerSecond");
        for (String n : metricNames) {
            csv.append(',').append(n);
        }
        csv.append('\n');
        for (Interval r : intervals) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%s,%s", r.step(), r.episodes(), r.recentReturn(),
                    r.stepsPerSecond()));
            for (double m : r.metrics) {
                csv.append(',').append(m);
            }
            csv.append('\n');
        }
        AtomicFiles.writeString(dir.resolve("metrics.csv"), csv.toString());
        csv = new StringBuilder("step,meanReturn,stdReturn,episodes\n");
        for (Evaluation e : evaluations) {
            csv.append(String.format(Locale.ROOT, "%d,%s,%s,%d%n", e.step(), e.meanReturn(), e.stdReturn(),
                    e.episodes()));
        }
        AtomicFiles.writeString(dir.resolve("evaluations.csv"), csv.toString());

        XYChart returns = chart(title + ": episodic return", "return");
        add(returns, "episode", episodes.stream().mapToDouble(Episode::step).toArray(),
                episodes.stream().mapToDouble(Episode::episodicReturn).toArray());
        add(returns, "greedy evaluation", evaluations.stream().mapToDouble(Evaluation::step).toArray(),
                evaluations.stream().mapToDouble(Evaluation::meanReturn).toArray());
        png(returns, dir.resolve("returns.png"));
        double[] steps = intervals.stream().mapToDouble(Interval::step).toArray();
        for (int k = 0; k < metricNames.size(); k++) {
            int column = k;
            XYChart chart = chart(title + ": " + metricNames.get(k), metricNames.get(k));
            add(chart, metricNames.get(k), steps, intervals.stream().mapToDouble(r -> r.metrics[column]).toArray());
            png(chart, dir.resolve("metric-" + metricNames.get(k) + ".png"));
        }
        XYChart speed = chart(title + ": steps per second", "steps/s");
        add(speed, "steps/s", steps, intervals.stream().mapToDouble(Interval::stepsPerSecond).toArray());
        png(speed, dir.resolve("steps-per-second.png"));
    }

    private static XYChart chart(String title, String yAxis) {
        return new XYChartBuilder().width(760).height(480).title(title).xAxisTitle("environment step")
                .yAxisTitle(yAxis).build();
    }

    /** Adds the finite points only (XChart cannot draw NaN); an empty series is left out. */
    private static void add(XYChart chart, String name, double[] x, double[] y) {
        int n = 0;
        double[] fx = new double[x.length];
        double[] fy = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(y[i])) {
                fx[n] = x[i];
                fy[n++] = y[i];
            }
        }
        if (n > 0) {
            chart.addSeries(name, Arrays.copyOf(fx, n), Arrays.copyOf(fy, n)).setMarker(SeriesMarkers.NONE);
        }
    }

    private static void png(XYChart chart, Path file) throws IOException {
        AtomicFiles.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }

    public void save(DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        out.writeInt(metricNames.size());
        for (String n : metricNames) {
            out.writeUTF(n);
        }
        out.writeInt(episodes.size());
        for (Episode e : episodes) {
            out.writeLong(e.step());
            out.writeDouble(e.episodicReturn());
            out.writeInt(e.length());
        }
        out.writeInt(intervals.size());
        for (Interval r : intervals) {
            out.writeLong(r.step());
            out.writeInt(r.episodes());
            out.writeDouble(r.recentReturn());
            out.writeDouble(r.stepsPerSecond());
            for (double m : r.metrics) {
                out.writeDouble(m);
            }
        }
        out.writeInt(evaluations.size());
        for (Evaluation e : evaluations) {
            out.writeLong(e.step());
            out.writeDouble(e.meanReturn());
            out.writeDouble(e.stdReturn());
            out.writeInt(e.episodes());
        }
    }

    public static TrainingLog load(DataInputStream in) throws IOException {
        String magic = in.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException("not a training log (header " + magic + ")");
        }
        List<String> names = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            names.add(in.readUTF());
        }
        TrainingLog log = new TrainingLog(names);
        for (int i = in.readInt(); i > 0; i--) {
            log.episodes.add(new Episode(in.readLong(), in.readDouble(), in.readInt()));
        }
        for (int i = in.readInt(); i > 0; i--) {
            long step = in.readLong();
            int count = in.readInt();
            double recent = in.readDouble();
            double sps = in.readDouble();
            double[] metrics = new double[names.size()];
            for (int k = 0; k < metrics.length; k++) {
                metrics[k] = in.readDouble();
            }
            log.intervals.add(new Interval(step, count, recent, sps, metrics));
        }
        for (int i = in.readInt(); i > 0; i--) {
            log.evaluations.add(new Evaluation(in.readLong(), in.readDouble(), in.readDouble(), in.readInt()));
        }
        return log;
    }
}

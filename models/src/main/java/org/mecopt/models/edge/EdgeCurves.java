package org.mecopt.models.edge;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mecopt.edge.SystemOutcome;
import org.mecopt.io.AtomicFiles;

/**
 * Seed 003's Fig. 6 for one training run: per training episode the system QoE, the mean service
 * latency and the counts of satisfied, disturbed, lost and cloud users (SU/DU/GU/CU), written as
 * {@code fig6.csv} (raw and moving average over the last {@value #WINDOW} episodes, as the paper
 * smooths) and a four-panel {@code fig6.png}. Carried through checkpoints by {@link #save}/{@link #load}.
 */
public final class EdgeCurves {
    /** Episodes of the moving average (the paper's Fig. 6). */
    public static final int WINDOW = 50;
    private static final String MAGIC = "mecopt-edge-curves-1";
    public static final String[] COLUMNS = {"system_qoe", "mean_latency_s", "satisfied", "disturbed", "lost", "cloud"};

    private final List<double[]> rows = new ArrayList<>();

    public void add(SystemOutcome o) {
        rows.add(new double[] {o.systemQoe(), o.meanLatencyS(), o.satisfied(), o.disturbed(), o.lost(), o.cloud()});
    }

    public int size() {
        return rows.size();
    }

    /** The mean of column {@code c} over the last {@code n} episodes (NaN before any). */
    public double recent(int c, int n) {
        if (rows.isEmpty()) {
            return Double.NaN;
        }
        int from = Math.max(0, rows.size() - n);
        double s = 0;
        for (int i = from; i < rows.size(); i++) {
            s += rows.get(i)[c];
        }
        return s / (rows.size() - from);
    }

    /** Column {@code c}'s moving average over {@link #WINDOW} episodes (shorter at the start). */
    public double[] movingAverage(int c) {
        double[] out = new double[rows.size()];
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            sum += rows.get(i)[c];
            if (i >= WINDOW) {
                sum -= rows.get(i - WINDOW)[c];
            }
            out[i] = sum / Math.min(i + 1, WINDOW);
        }
        return out;
    }

    public void write(Path dir, String title) throws IOException {
        StringBuilder csv = new StringBuilder("episode");
        for (String c : COLUMNS) {
            csv.append(',').append(c);
        }
        for (String c : COLUMNS) {
            csv.append(',').append(c).append("_ma").append(WINDOW);
        }
        csv.append('\n');
        double[][] ma = new double[COLUMNS.length][];
        for (int c = 0; c < COLUMNS.length; c++) {
            ma[c] = movingAverage(c);
        }
        for (int i = 0; i < rows.size(); i++) {
            csv.append(i + 1);
            for (double v : rows.get(i)) {
                csv.append(',').append(String.format(Locale.ROOT, "%.6g", v));
            }
            for (int c = 0; c < COLUMNS.length; c++) {
                csv.append(',').append(String.format(Locale.ROOT, "%.6g", ma[c][i]));
            }
            csv.append('\n');
        }
        AtomicFiles.writeString(dir.resolve("fig6.csv"), csv.toString());
        double[] x = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        List<XYChart> charts = new ArrayList<>();
        charts.add(panel(title + ": system QoE", "system QoE", x, new String[] {"system QoE"}, new double[][] {ma[0]}));
        charts.add(panel(title + ": mean latency", "latency (s)", x, new String[] {"latency"}, new double[][] {ma[1]}));
        charts.add(panel(title + ": SU / DU", "users", x, new String[] {"SU (QoE >= 0.9)", "DU"},
                new double[][] {ma[2], ma[3]}));
        charts.add(panel(title + ": GU / CU", "users", x, new String[] {"GU (QoE <= 0.1)", "CU (cloud)"},
                new double[][] {ma[4], ma[5]}));
        AtomicFiles.write(dir.resolve("fig6.png"),
                out -> BitmapEncoder.saveBitmap(charts, 2, 2, out, BitmapEncoder.BitmapFormat.PNG));
    }

    private static XYChart panel(String title, String y, double[] x, String[] names, double[][] series) {
        XYChart chart = new XYChartBuilder().width(640).height(420).title(title)
                .xAxisTitle("episode (moving average over " + WINDOW + ")").yAxisTitle(y).build();
        for (int k = 0; k < names.length; k++) {
            if (x.length > 0) {
                chart.addSeries(names[k], x, series[k]).setMarker(SeriesMarkers.NONE);
            }
        }
        return chart;
    }

    /** Reads the raw columns of a {@code fig6.csv} written by {@link #write}. */
    public static EdgeCurves read(Path fig6) throws IOException {
        List<String> lines = java.nio.file.Files.readAllLines(fig6);
        if (lines.isEmpty() || !lines.get(0).startsWith("episode," + COLUMNS[0])) {
            throw new IOException(fig6 + " is not a Fig. 6 curve file (header " + (lines.isEmpty() ? "none" : lines.get(0))
                    + ")");
        }
        EdgeCurves c = new EdgeCurves();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double[] r = new double[COLUMNS.length];
            for (int k = 0; k < r.length; k++) {
                r[k] = Double.parseDouble(f[k + 1]);
            }
            c.rows.add(r);
        }
        return c;
    }

    /**
     * Fig. 6 for several runs side by side: each run's moving averages in the four panels, with
     * reference policies' mean values (DAES, GA-Aware, …) as flat lines.
     *
     * @param runs       curves by agent name
     * @param references per reference policy its mean of each {@link #COLUMNS} entry
     * @return the PNG's bytes
     */
    public static byte[] overlay(java.util.Map<String, EdgeCurves> runs, java.util.Map<String, double[]> references)
            throws IOException {
        String[] titles = {"system QoE", "mean latency (s)", "SU (QoE >= 0.9)", "DU (0.1 < QoE < 0.9)",
                "GU (QoE <= 0.1)", "CU (cloud)"};
        List<XYChart> charts = new ArrayList<>();
        int longest = runs.values().stream().mapToInt(EdgeCurves::size).max().orElse(1);
        for (int c = 0; c < COLUMNS.length; c++) {
            XYChart chart = new XYChartBuilder().width(560).height(400).title("Fig. 6: " + titles[c])
                    .xAxisTitle("episode (moving average over " + WINDOW + ")").yAxisTitle(titles[c]).build();
            for (var run : runs.entrySet()) {
                EdgeCurves curves = run.getValue();
                if (curves.size() == 0) {
                    continue;
                }
                double[] x = new double[curves.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = i + 1;
                }
                chart.addSeries(run.getKey(), x, curves.movingAverage(c)).setMarker(SeriesMarkers.NONE);
            }
            for (var ref : references.entrySet()) {
                chart.addSeries(ref.getKey(), new double[] {1, longest},
                        new double[] {ref.getValue()[c], ref.getValue()[c]}).setMarker(SeriesMarkers.NONE);
            }
            charts.add(chart);
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(charts, 3, 2, bytes, BitmapEncoder.BitmapFormat.PNG);
        return bytes.toByteArray();
    }

    public void save(DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        out.writeInt(rows.size());
        for (double[] r : rows) {
            for (double v : r) {
                out.writeDouble(v);
            }
        }
    }

    public static EdgeCurves load(DataInputStream in) throws IOException {
        String magic = in.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException("not edge curves (header " + magic + ")");
        }
        EdgeCurves c = new EdgeCurves();
        for (int i = in.readInt(); i > 0; i--) {
            double[] r = new double[COLUMNS.length];
            for (int k = 0; k < r.length; k++) {
                r[k] = in.readDouble();
            }
            c.rows.add(r);
        }
        return c;
    }
}

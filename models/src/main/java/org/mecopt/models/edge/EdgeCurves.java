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
    static final String[] COLUMNS = {"system_qoe", "mean_latency_s", "satisfied", "disturbed", "lost", "cloud"};

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

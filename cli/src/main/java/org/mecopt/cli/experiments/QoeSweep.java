package org.mecopt.cli.experiments;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.edge.EdgeEvaluator;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.edge.EdgeSystemGenerator;
import org.mecopt.edge.SystemOutcome;
import org.mecopt.edge.bound.LagrangianBound;
import org.mecopt.edge.env.EdgeAllocationEnv;
import org.mecopt.edge.policy.EdgePolicies;
import org.mecopt.edge.policy.EdgePolicy;
import org.mecopt.io.AtomicFiles;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;
import picocli.CommandLine.Option;

/**
 * The engine of seed 003's Fig. 8–10 experiments: for each point of a sweep (a number of users, a
 * mean β, a maximum task volume), the evaluation systems {@code seed, seed + 1, …} of the point's
 * deployment ({@link EdgeAllocationEnv#system}: links and η fixed, users redrawn; evaluation seeds
 * start at {@link EdgeAllocationEnv#EVALUATION_SEED_START}, training seeds stay below, so no
 * learned policy has seen them), every policy of the registry named in {@code --policies}, each
 * followed by the sigmoidal CPU split with cloud fallback, and the {@link LagrangianBound}. Writes
 * {@code STEM.csv} (means per point and policy, 95 % CIs, the fraction of the bound, then a row
 * {@code upper-bound}), {@code STEM-systems.csv} (one row per system and policy) and {@code STEM.png}
 * (Fig. 8's four panels, CI bars on (a) and (b), the bound dashed in black on (a)).
 */
final class QoeSweep {

    /** The options every QoE sweep shares (a picocli mixin). */
    static final class Options {
        @Option(names = "--out", required = true, description = "Output directory (CSV and PNG).")
        Path out;

        @Option(names = "--seeds", defaultValue = "10",
                description = "Evaluation systems per point (default ${DEFAULT-VALUE}).")
        int seeds;

        @Option(names = "--seed", defaultValue = "1000000",
                description = "Seed of the first evaluation system (default ${DEFAULT-VALUE}; training uses seeds below 1000000).")
        long seed;

        @Option(names = "--policies", split = ",", defaultValue = "daes,ga-aware,local-search",
                description = "Task allocation policies from the registry, name or name:argument (default ${DEFAULT-VALUE}; "
                        + "built in: daes, ga-aware, local-search, random[:seed]; learned ones when module models is present).")
        List<String> policies;

        @Option(names = "--deployment-seed", defaultValue = "3",
                description = "Seed of the fixed links and η (default ${DEFAULT-VALUE}, the learned policies' deployment).")
        long deploymentSeed;

        @Option(names = "--no-upper-bound", description = "Skip the Lagrangian upper bound.")
        boolean noBound;
    }

    /** One point of the sweep: its x value and the deployment its systems come from. */
    record Point(double x, EdgeSystemGenerator.Deployment deployment) {
    }

    static final String BOUND = "upper-bound";
    private static final String[] METRICS = {"system_qoe", "mean_latency_s", "satisfied", "disturbed", "lost", "cloud"};

    private final Options options;
    private final String xColumn;
    private final String xTitle;
    private final String xFormat;

    /**
     * @param xColumn the first CSV column (e.g. {@code users})
     * @param xTitle the plots' x axis title
     * @param xFormat how x is printed ({@code %.0f})
     */
    QoeSweep(Options options, String xColumn, String xTitle, String xFormat) {
        this.options = options;
        this.xColumn = xColumn;
        this.xTitle = xTitle;
        this.xFormat = xFormat;
    }

    /** Checks the shared options and creates the policies (exit 2 on a bad one, before any work). */
    List<EdgePolicy> policies() {
        if (options.seeds < 1) {
            throw new InvalidInstanceException("--seeds", options.seeds, "must be >= 1");
        }
        if (options.seed < 0) {
            throw new InvalidInstanceException("--seed", options.seed, "must be >= 0");
        }
        ExperimentFiles.checkDirectory(options.out);
        List<EdgePolicy> out = new ArrayList<>();
        for (String spec : options.policies) {
            try {
                out.add(EdgePolicies.create(spec));
            } catch (IllegalArgumentException e) {
                throw new InvalidInstanceException("--policies", spec, e.getMessage());
            }
        }
        return out;
    }

    /** Runs the sweep and writes the three files; returns the summary CSV. */
    String run(String stem, List<Point> points, List<EdgePolicy> policies, PrintWriter err) throws IOException {
        if (options.seed < EdgeAllocationEnv.EVALUATION_SEED_START) {
            err.printf(Locale.ROOT, "warning: --seed %d is in the training range (< %d)%n", options.seed,
                    EdgeAllocationEnv.EVALUATION_SEED_START);
        }
        StringBuilder csv = new StringBuilder(xColumn + ",policy,system_qoe,mean_latency_s,satisfied,disturbed,lost,cloud,"
                + "seeds,mean_millis,system_qoe_ci95,mean_latency_ci95_s,fraction_of_bound\n");
        StringBuilder systems = new StringBuilder(xColumn + ",system_seed,policy,system_qoe,mean_latency_s,satisfied,"
                + "disturbed,lost,cloud,millis,fraction_of_bound\n");
        List<String> names = new ArrayList<>();
        for (EdgePolicy p : policies) {
            names.add(p.name());
        }
        if (!options.noBound) {
            names.add(BOUND);
        }
        // name -> metric (and CI of QoE, latency) -> point; NaN where a policy could not act
        Map<String, double[][]> curves = new LinkedHashMap<>();
        for (String name : names) {
            double[][] c = new double[METRICS.length + 2][points.size()];
            for (double[] row : c) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            curves.put(name, c);
        }
        for (int k = 0; k < points.size(); k++) {
            Point point = points.get(k);
            String x = String.format(Locale.ROOT, xFormat, point.x());
            int n = options.seeds;
            Map<String, double[][]> samples = new LinkedHashMap<>();
            Map<String, double[]> millis = new LinkedHashMap<>();
            Map<String, double[]> fraction = new LinkedHashMap<>();
            List<String> skipped = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                long seed = options.seed + s;
                EdgeSystem system = EdgeAllocationEnv.system(point.deployment(), seed);
                EdgeEvaluator evaluator = new EdgeEvaluator(system, SigmoidalProgramming.Settings.DEFAULTS);
                double bound = Double.NaN;
                if (!options.noBound) {
                    LagrangianBound.Result b = LagrangianBound.compute(system);
                    bound = b.value();
                    samples.computeIfAbsent(BOUND, z -> new double[METRICS.length][n])[0][s] = bound;
                    millis.computeIfAbsent(BOUND, z -> new double[n])[s] = b.millis();
                    fraction.computeIfAbsent(BOUND, z -> new double[n])[s] = 1;
                    systems.append(String.format(Locale.ROOT, "%s,%d,%s,%.6f,,,,,,%.1f,1%n", x, seed, BOUND, bound,
                            b.millis()));
                }
                for (EdgePolicy p : policies) {
                    if (skipped.contains(p.name())) {
                        continue;
                    }
                    long start = System.nanoTime();
                    int[] assignment;
                    try {
                        assignment = p.allocate(system);
                    } catch (IllegalArgumentException e) {
                        err.printf(Locale.ROOT, "warning: %s skipped at %s = %s: %s%n", p.name(), xColumn, x, e.getMessage());
                        skipped.add(p.name());
                        continue;
                    }
                    SystemOutcome o = evaluator.evaluate(assignment);
                    double ms = (System.nanoTime() - start) / 1e6;
                    double[][] m = samples.computeIfAbsent(p.name(), z -> new double[METRICS.length][n]);
                    double[] values = {o.systemQoe(), o.meanLatencyS(), o.satisfied(), o.disturbed(), o.lost(), o.cloud()};
                    for (int i = 0; i < METRICS.length; i++) {
                        m[i][s] = values[i];
                    }
                    millis.computeIfAbsent(p.name(), z -> new double[n])[s] = ms;
                    double f = o.systemQoe() / bound;
                    fraction.computeIfAbsent(p.name(), z -> new double[n])[s] = f;
                    systems.append(String.format(Locale.ROOT, "%s,%d,%s,%.6f,%.6f,%d,%d,%d,%d,%.1f,%s%n", x, seed,
                            p.name(), o.systemQoe(), o.meanLatencyS(), o.satisfied(), o.disturbed(), o.lost(), o.cloud(),
                            ms, Double.isNaN(f) ? "" : String.format(Locale.ROOT, "%.6f", f)));
                }
            }
            for (String name : names) {
                if (skipped.contains(name) || !samples.containsKey(name)) {
                    continue;
                }
                double[][] m = samples.get(name);
                boolean isBound = name.equals(BOUND);
                double[][] c = curves.get(name);
                SampleMean qoe = SampleMean.of(m[0]);
                SampleMean latency = SampleMean.of(m[1]);
                c[0][k] = qoe.mean();
                c[METRICS.length][k] = qoe.ci95();
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%s,%s,%.4f", x, name, qoe.mean()));
                if (isBound) {
                    row.append(",,,,,");
                } else {
                    c[1][k] = latency.mean();
                    c[METRICS.length + 1][k] = latency.ci95();
                    row.append(String.format(Locale.ROOT, ",%.5f", latency.mean()));
                    for (int i = 2; i < METRICS.length; i++) {
                        c[i][k] = SampleMean.of(m[i]).mean();
                        row.append(String.format(Locale.ROOT, ",%.2f", c[i][k]));
                    }
                }
                double meanFraction = options.noBound ? Double.NaN : SampleMean.of(fraction.get(name)).mean();
                row.append(String.format(Locale.ROOT, ",%d,%.1f,%s,%s,%s%n", n, SampleMean.of(millis.get(name)).mean(),
                        number(qoe.ci95(), "%.4f"), isBound ? "" : number(latency.ci95(), "%.5f"),
                        number(meanFraction, "%.4f")));
                csv.append(row);
            }
            err.printf(Locale.ROOT, "%s = %s done (%d/%d)%n", xColumn, x, k + 1, points.size());
            err.flush();
        }
        double[] xs = points.stream().mapToDouble(Point::x).toArray();
        ExperimentFiles.write(options.out, stem, csv.toString(), plot(xs, curves));
        AtomicFiles.writeString(options.out.resolve(stem + "-systems.csv"), systems.toString());
        return csv.toString();
    }

    private static String number(double v, String format) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }

    /** Four panels as in Fig. 8: (a) system QoE, (b) latency, (c) SU and DU, (d) GU and CU. */
    private byte[] plot(double[] x, Map<String, double[][]> curves) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart[] charts = {
            chart("(a) Average system QoE (95 % CI)", "System QoE"),
            chart("(b) Average service latency (95 % CI)", "Latency (s)"),
            chart("(c) Satisfied (solid) and disturbed (dashed) users", "Users"),
            chart("(d) Lost (solid) and cloud (dashed) users", "Users")};
        Color[] palette = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x9467bd), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0x7f7f7f)};
        int index = 0;
        for (Map.Entry<String, double[][]> e : curves.entrySet()) {
            String name = e.getKey();
            double[][] m = e.getValue();
            double[] px = present(x, m[0]);
            if (px.length == 0) {
                continue;
            }
            if (name.equals(BOUND)) {
                XYSeries s = charts[0].addSeries(name, px, present(m[0], m[0]), bars(m[METRICS.length], m[0]));
                s.setLineColor(Color.BLACK);
                s.setMarkerColor(Color.BLACK);
                s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
                s.setMarker(SeriesMarkers.NONE);
                continue;
            }
            Color color = palette[index++ % palette.length];
            List<XYSeries> solid = List.of(
                    charts[0].addSeries(name, px, present(m[0], m[0]), bars(m[METRICS.length], m[0])),
                    charts[1].addSeries(name, px, present(m[1], m[0]), bars(m[METRICS.length + 1], m[0])),
                    charts[2].addSeries(name + " SU", px, present(m[2], m[0])),
                    charts[3].addSeries(name + " GU", px, present(m[4], m[0])));
            List<XYSeries> dashed = List.of(charts[2].addSeries(name + " DU", px, present(m[3], m[0])),
                    charts[3].addSeries(name + " CU", px, present(m[5], m[0])));
            for (XYSeries s : solid) {
                s.setLineColor(color);
                s.setMarkerColor(color);
            }
            for (XYSeries s : dashed) {
                s.setLineColor(color);
                s.setMarkerColor(color);
                s.setLineStyle(SeriesLines.DASH_DASH);
            }
        }
        int w = 700;
        int h = 480;
        BufferedImage image = new BufferedImage(2 * w, 2 * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < 4; i++) {
            Graphics2D panel = (Graphics2D) g.create((i % 2) * w, (i / 2) * h, w, h);
            charts[i].paint(panel, w, h);
            panel.dispose();
        }
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** The entries of v where the policy acted (its QoE is not NaN). */
    private static double[] present(double[] v, double[] qoe) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(qoe[i])) {
                out.add(v[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** CI half-widths where present (0 for a single system, whose CI is undefined). */
    private static double[] bars(double[] ci, double[] qoe) {
        double[] b = present(ci, qoe);
        for (int i = 0; i < b.length; i++) {
            b[i] = Double.isNaN(b[i]) ? 0 : b[i];
        }
        return b;
    }

    private XYChart chart(String title, String yTitle) {
        return new XYChartBuilder().width(700).height(480).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    }
}

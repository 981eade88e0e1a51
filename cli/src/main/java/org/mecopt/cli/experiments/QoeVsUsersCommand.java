package org.mecopt.cli.experiments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.edge.EdgeEvaluator;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.edge.EdgeSystemGenerator;
import org.mecopt.edge.LocalSearchAllocator;
import org.mecopt.edge.SystemOutcome;
import org.mecopt.edge.TaskAllocation;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Seed 003 Fig. 8: system QoE, mean latency and the user counts against the number of users for
 * the task allocation policies DAES, GA-Aware and our local search, each followed by the sigmoidal
 * CPU split with cloud fallback on every server. Every user count uses the same system seeds, and
 * the generator draws users in order, so the systems for |U| = 80 extend those for 70 (common
 * random numbers). The learned policies of the paper (MADDPG, MAMaxEnt) are not part of this
 * experiment.
 */
@Command(name = "qoe-vs-users", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Seed 003 Fig. 8: system QoE, latency and user counts vs number of users (7 edge servers + cloud).")
final class QoeVsUsersCommand implements Callable<Integer> {

    private static final List<String> POLICIES = List.of("daes", "ga-aware", "local-search");

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "Output directory (CSV and PNG).")
    Path out;

    @Option(names = "--users", split = ",", defaultValue = "70,80,90,100,110,120,130,140,150",
            description = "Numbers of users (default ${DEFAULT-VALUE}).")
    List<Integer> users;

    @Option(names = "--seeds", defaultValue = "3", description = "Systems per user count (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the first system (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--policies", split = ",", defaultValue = "daes,ga-aware,local-search",
            description = "Task allocation policies (default ${DEFAULT-VALUE}).")
    List<String> policies;

    private static final String[] METRICS = {"system_qoe", "mean_latency_s", "satisfied", "disturbed", "lost", "cloud"};

    @Override
    public Integer call() throws Exception {
        if (seeds < 1) {
            throw new InvalidInstanceException("--seeds", seeds, "must be >= 1");
        }
        for (int n : users) {
            if (n < 1) {
                throw new InvalidInstanceException("--users", n, "must be >= 1");
            }
        }
        for (String p : policies) {
            if (!POLICIES.contains(p)) {
                throw new InvalidInstanceException("--policies", p, "is not a policy; known: " + POLICIES);
            }
        }
        ExperimentFiles.checkDirectory(out);
        PrintWriter err = spec.commandLine().getErr();
        StringBuilder csv = new StringBuilder("users,policy,system_qoe,mean_latency_s,satisfied,disturbed,lost,cloud,"
                + "seeds,mean_millis\n");
        Map<String, double[][]> curves = new LinkedHashMap<>(); // policy -> metric -> per user count
        for (String p : policies) {
            curves.put(p, new double[METRICS.length][users.size()]);
        }
        for (int k = 0; k < users.size(); k++) {
            int n = users.get(k);
            Map<String, double[][]> samples = new LinkedHashMap<>(); // policy -> metric -> per seed
            Map<String, Double> millis = new LinkedHashMap<>();
            for (int s = 0; s < seeds; s++) {
                EdgeSystem system = EdgeSystemGenerator.generate(EdgeSystemGenerator.Config.SEED_003.withUsers(n), seed + s);
                EdgeEvaluator evaluator = new EdgeEvaluator(system, SigmoidalProgramming.Settings.DEFAULTS);
                for (String p : policies) {
                    long start = System.nanoTime();
                    int[] assignment = switch (p) {
                        case "daes" -> TaskAllocation.daes(system);
                        case "ga-aware" -> TaskAllocation.gaAware(system);
                        default -> new LocalSearchAllocator().allocate(system);
                    };
                    SystemOutcome o = evaluator.evaluate(assignment);
                    millis.merge(p, (System.nanoTime() - start) / 1e6, Double::sum);
                    double[][] m = samples.computeIfAbsent(p, x -> new double[METRICS.length][seeds]);
                    m[0][s] = o.systemQoe();
                    m[1][s] = o.meanLatencyS();
                    m[2][s] = o.satisfied();
                    m[3][s] = o.disturbed();
                    m[4][s] = o.lost();
                    m[5][s] = o.cloud();
                }
            }
            for (String p : policies) {
                double[] m = new double[METRICS.length];
                for (int i = 0; i < METRICS.length; i++) {
                    m[i] = SampleMean.of(samples.get(p)[i]).mean();
                    curves.get(p)[i][k] = m[i];
                }
                csv.append(String.format(Locale.ROOT, "%d,%s,%.4f,%.5f,%.2f,%.2f,%.2f,%.2f,%d,%.1f%n", n, p, m[0], m[1],
                        m[2], m[3], m[4], m[5], seeds, millis.get(p) / seeds));
            }
            err.printf(Locale.ROOT, "|U| = %d done (%d/%d)%n", n, k + 1, users.size());
        }
        ExperimentFiles.write(out, "qoe-vs-users", csv.toString(), plot(curves));
        spec.commandLine().getOut().print(csv);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Four panels as in Fig. 8: (a) system QoE, (b) latency, (c) SU and DU, (d) GU and CU. */
    private byte[] plot(Map<String, double[][]> curves) throws java.io.IOException {
        System.setProperty("java.awt.headless", "true");
        double[] x = users.stream().mapToDouble(Integer::doubleValue).toArray();
        XYChart[] charts = {
            chart("(a) Average system QoE", "System QoE"),
            chart("(b) Average service latency", "Latency (s)"),
            chart("(c) Satisfied (solid) and disturbed (dashed) users", "Users"),
            chart("(d) Lost (solid) and cloud (dashed) users", "Users")};
        Color[] palette = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x9467bd)};
        int index = 0;
        for (Map.Entry<String, double[][]> e : curves.entrySet()) {
            String policy = e.getKey();
            double[][] m = e.getValue();
            Color color = palette[index++ % palette.length];
            List<XYSeries> series = List.of(charts[0].addSeries(policy, x, m[0]), charts[1].addSeries(policy, x, m[1]),
                    charts[2].addSeries(policy + " SU", x, m[2]), charts[3].addSeries(policy + " GU", x, m[4]));
            List<XYSeries> dashed = List.of(charts[2].addSeries(policy + " DU", x, m[3]),
                    charts[3].addSeries(policy + " CU", x, m[5]));
            for (XYSeries s : series) {
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

    private static XYChart chart(String title, String yTitle) {
        return new XYChartBuilder().width(700).height(480).title(title).xAxisTitle("Number of users").yAxisTitle(yTitle)
                .build();
    }
}

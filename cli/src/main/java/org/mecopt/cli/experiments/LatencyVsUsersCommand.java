package org.mecopt.cli.experiments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.channel.ChannelModel;
import org.mecopt.latency.Fairness;
import org.mecopt.latency.LatencyGenerator;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.latency.LatencySolution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Seed 001 Fig. 1 (max latency and Gini index vs K for three schemes, ICA for all) and Fig. 2's
 * setting (the CDF of the max latency for K ∈ {10, 20}, M = 64). Each sample is an independent
 * seeded topology with its own fading; the paper's 200 topologies × 1000 realizations correspond
 * to {@code --samples 200000}.
 */
@Command(name = "latency-vs-users", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Seed 001 Fig. 1 and Fig. 2: max latency, Gini index and latency CDF vs users.")
final class LatencyVsUsersCommand implements Callable<Integer> {

    /** The schemes of Fig. 1. */
    private enum Scheme {
        CF_LOCAL("CF-mMIMO w/ local comp.", ChannelModel.CELLFREE, true),
        CF_NO_LOCAL("CF-mMIMO w/o local comp.", ChannelModel.CELLFREE, false),
        BS("BS-centered mMIMO", ChannelModel.BS_MMIMO, true);

        final String label;
        final ChannelModel model;
        final boolean local;

        Scheme(String label, ChannelModel model, boolean local) {
            this.label = label;
            this.model = model;
            this.local = local;
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "Output directory (CSV and PNG).")
    Path out;

    @Option(names = "--samples", defaultValue = "20", description = "Seeded topologies per point (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the first sample (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--users", split = ",", defaultValue = "10,20,30,40,50", description = "K values (default ${DEFAULT-VALUE}).")
    List<Integer> users;

    @Option(names = "--aps", defaultValue = "64", description = "APs M (default ${DEFAULT-VALUE}).")
    int aps;

    @Option(names = "--subcarriers", defaultValue = "4", description = "Subcarriers N (default ${DEFAULT-VALUE}).")
    int subcarriers;

    @Option(names = "--solver", defaultValue = "ica", description = "Latency solver (default ${DEFAULT-VALUE}).")
    String solverName;

    @Override
    public Integer call() throws Exception {
        if (samples < 1) {
            throw new InvalidInstanceException("--samples", samples, "must be >= 1");
        }
        ExperimentFiles.checkDirectory(out);
        Solver<LatencyInstance, LatencySolution> solver = SolverRegistry.get(LatencyInstance.class, solverName);
        PrintWriter err = spec.commandLine().getErr();
        StringBuilder csv = new StringBuilder("users,scheme,mean_max_latency_s,ci95_s,mean_gini,samples\n");
        Map<Scheme, double[]> latency = new LinkedHashMap<>();
        Map<Scheme, double[]> gini = new LinkedHashMap<>();
        Map<String, double[]> cdf = new LinkedHashMap<>();
        for (int u = 0; u < users.size(); u++) {
            int k = users.get(u);
            for (Scheme scheme : Scheme.values()) {
                LatencyGenerator.Config config = LatencyGenerator.Config.PAPER.with(scheme.model, k, aps, subcarriers)
                        .withLocalComputing(scheme.local);
                double[][] results = IntStream.range(0, samples).parallel().mapToObj(i -> {
                    LatencyInstance instance = LatencyGenerator.generate(config, seed + i);
                    Result<LatencySolution> r = solver.solve(instance, SolverOptions.defaults());
                    return new double[] {r.objective(), Fairness.gini(instance.latencies(r.solution()))};
                }).toArray(double[][]::new);
                double[] max = Arrays.stream(results).mapToDouble(r -> r[0]).toArray();
                SampleMean mean = SampleMean.of(max);
                double meanGini = SampleMean.of(Arrays.stream(results).mapToDouble(r -> r[1]).toArray()).mean();
                latency.computeIfAbsent(scheme, s -> new double[users.size()])[u] = mean.mean();
                gini.computeIfAbsent(scheme, s -> new double[users.size()])[u] = meanGini;
                if (k == 10 || k == 20) {
                    Arrays.sort(max);
                    cdf.put(scheme.label + ", K=" + k, max);
                }
                csv.append(String.format(Locale.ROOT, "%d,%s,%.6e,%.3e,%.4f,%d%n", k, scheme.label, mean.mean(),
                        mean.ci95(), meanGini, samples));
            }
            err.printf(Locale.ROOT, "K = %d done (%d/%d)%n", k, u + 1, users.size());
        }
        ExperimentFiles.write(out, "latency-vs-users", csv.toString(), figureOne(latency, gini));
        if (!cdf.isEmpty()) {
            ExperimentFiles.write(out, "latency-cdf", cdfCsv(cdf), figureTwo(cdf));
        }
        spec.commandLine().getOut().print(csv);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private byte[] figureOne(Map<Scheme, double[]> latency, Map<Scheme, double[]> gini) throws java.io.IOException {
        XYChart chart = new XYChartBuilder().width(860).height(560)
                .title("Seed 001 Fig. 1: max latency (left) and Gini index (right), M=" + aps + ", N=" + subcarriers)
                .xAxisTitle("Number of users K").yAxisTitle("Max latency (ms)").build();
        double[] x = users.stream().mapToDouble(Integer::doubleValue).toArray();
        latency.forEach((scheme, y) -> chart.addSeries(scheme.label, x, Arrays.stream(y).map(v -> v * 1e3).toArray()));
        gini.forEach((scheme, y) -> {
            XYSeries s = chart.addSeries("Gini, " + scheme.label, x, y);
            s.setYAxisGroup(1);
        });
        chart.setYAxisGroupTitle(1, "Gini index");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    private static String cdfCsv(Map<String, double[]> cdf) {
        StringBuilder csv = new StringBuilder("series,max_latency_s,cdf\n");
        cdf.forEach((name, sorted) -> {
            for (int i = 0; i < sorted.length; i++) {
                csv.append(String.format(Locale.ROOT, "%s,%.6e,%.4f%n", name, sorted[i], (i + 1.0) / sorted.length));
            }
        });
        return csv.toString();
    }

    private static byte[] figureTwo(Map<String, double[]> cdf) throws java.io.IOException {
        XYChart chart = new XYChartBuilder().width(800).height(560).title("Seed 001 Fig. 2 setting: CDF of the max latency")
                .xAxisTitle("Max latency (ms)").yAxisTitle("CDF").build();
        cdf.forEach((name, sorted) -> {
            double[] y = new double[sorted.length];
            List<Double> xs = new ArrayList<>();
            for (int i = 0; i < sorted.length; i++) {
                y[i] = (i + 1.0) / sorted.length;
                xs.add(sorted[i] * 1e3);
            }
            chart.addSeries(name, xs.stream().mapToDouble(Double::doubleValue).toArray(), y);
        });
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}

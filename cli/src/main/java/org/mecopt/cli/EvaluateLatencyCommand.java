package org.mecopt.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mecopt.cli.experiments.ExperimentFiles;
import org.mecopt.io.AtomicFiles;
import org.mecopt.io.Json;
import org.mecopt.models.latency.CnnLstmSolver;
import org.mecopt.models.latency.LatencyEvaluator;
import org.mecopt.models.latency.LatencyModel;
import org.mecopt.models.learning.Quantiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "latency", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The relative latency gap tau_model/tau_label - 1 of a trained CNN-LSTM on a latency dataset",
                "labelled by ICA (seed 001 Fig. 2): gaps.csv, gaps.png (CDF), summary.json, and median / p95 / max gap, the",
                "share of raw outputs that were feasible, inference time at batch 1 and batched; the cnn-lstm solver's",
                "answer (the network, then power balancing) and the network's alone."})
final class EvaluateLatencyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model directory (train latency --out).")
    Path model;

    @Option(names = "--data", required = true, description = "Test dataset directory (generate latency --out).")
    Path data;

    @Option(names = "--out", required = true, description = "Report directory.")
    Path out;

    @Option(names = "--balance", defaultValue = "" + CnnLstmSolver.DEFAULT_BALANCE_SWEEPS,
            description = {"Sweeps of power balancing after the network, as the cnn-lstm solver does (its parameter",
                    "balance); 0 evaluates the network alone. Default: ${DEFAULT-VALUE}."})
    int balance;

    @Override
    public Integer call() throws Exception {
        ExperimentFiles.checkDirectory(out);
        LatencyEvaluator.Evaluation e;
        try (LatencyModel m = LatencyModel.load(model)) {
            e = LatencyEvaluator.evaluate(m, data, balance);
        }
        StringBuilder csv = new StringBuilder(
                "index,sampleSeed,labelLatencyS,modelLatencyS,gap,networkGap,equalPowerGap,balancedEqualPowerGap,"
                        + "feasibleRaw,closedFormRatioGap,interferenceFreeGap,lowerBoundS\n");
        for (LatencyEvaluator.Sample s : e.samples()) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%.9g,%.9g,%.9g,%.9g,%.9g,%.9g,%b,%.9g,%.9g,%.9g%n", s.index(),
                    s.sampleSeed(), s.labelLatency(), s.modelLatency(), s.gap(), s.networkGap(), s.equalPowerGap(),
                    s.balancedEqualPowerGap(), s.feasibleRaw(), s.closedFormRatioGap(), s.interferenceFreeGap(),
                    s.lowerBound()));
        }
        ExperimentFiles.write(out, "gaps", csv, cdf(e));
        ObjectNode summary = Json.mapper().valueToTree(e);
        summary.remove("samples"); // they are gaps.csv
        summary.put("speedUp", e.speedUp());
        summary.put("instances", e.samples().size());
        AtomicFiles.writeString(out.resolve("summary.json"), Json.toText(summary));
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%d instances: gap to the labels median %.2f%%, p95 %.2f%%, max %.2f%%, mean %.2f%%"
                        + " (baselines' medians: equal-power %.2f%%, interference-free %.2f%%)%n", e.samples().size(),
                100 * e.medianGap(), 100 * e.p95Gap(), 100 * e.maxGap(), 100 * e.meanGap(), 100 * e.medianEqualPowerGap(),
                100 * e.medianInterferenceFreeGap());
        if (e.balanceSweeps() > 0) {
            o.printf(Locale.ROOT, "with %d sweeps of power balancing; the network alone: median %.2f%%, p95 %.2f%%;"
                            + " equal-power balanced the same way: median %.2f%%%n", e.balanceSweeps(),
                    100 * e.medianNetworkGap(), 100 * e.p95NetworkGap(), 100 * e.medianBalancedEqualPowerGap());
        }
        o.printf(Locale.ROOT, "labels above the interference-free lower bound: median %.3f%%, p95 %.3f%%%n",
                100 * e.medianLabelOverBound(), 100 * e.p95LabelOverBound());
        if (e.medianClosedFormRatioGap() != e.medianNetworkGap()) {
            o.printf(Locale.ROOT, "with its powers and the closed-form ratios instead of its own: median gap %.2f%%%n",
                    100 * e.medianClosedFormRatioGap());
        }
        o.printf(Locale.ROOT, "feasible before any repair: %.1f%%; inference %.3f ms per instance at batch 1, %.4f ms batched%n",
                100 * e.feasibleRawShare(), e.batchOneMillis(), e.batchedMillis());
        o.printf(Locale.ROOT, "%s on the same instances: %.3f ms each, %.0fx the model's batch-1 time%n", e.labelSolver(),
                e.labelSolverMillis(), e.speedUp());
        o.println("report: " + out.toAbsolutePath());
        o.flush();
        return 0;
    }

    private static byte[] cdf(LatencyEvaluator.Evaluation e) throws java.io.IOException {
        double[] model = e.sorted(LatencyEvaluator.Sample::gap);
        // the baselines' tails reach hundreds of percent: cut the curves where the model's has detail
        double cut = Math.max(0.001, 5 * Quantiles.of(model, 0.95));
        XYChart chart = new XYChartBuilder().width(760).height(480)
                .title(String.format(Locale.ROOT, "CDF of the relative latency gap to ICA (cut at %.1f %%)", 100 * cut))
                .xAxisTitle("tau / tau_ICA - 1 (%)").yAxisTitle("share of instances (%)").build();
        add(chart, "cnn-lstm", model, cut);
        if (e.balanceSweeps() > 0) {
            add(chart, "network alone (no balancing)", e.sorted(LatencyEvaluator.Sample::networkGap), cut);
            add(chart, "equal-power + balancing", e.sorted(LatencyEvaluator.Sample::balancedEqualPowerGap), cut);
        }
        add(chart, "equal-power", e.sorted(LatencyEvaluator.Sample::equalPowerGap), cut);
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /** The empirical CDF of {@code sorted} up to {@code cut} (at least its first point). */
    private static void add(XYChart chart, String name, double[] sorted, double cut) {
        int shown = 1;
        while (shown < sorted.length && sorted[shown] <= cut) {
            shown++;
        }
        int step = Math.max(1, shown / 400); // a few hundred points draw the curve as well as thousands
        int points = (shown - 1) / step + 1;
        double[] x = new double[points + 1];
        double[] y = new double[points + 1];
        x[0] = 100 * sorted[0]; // the step up from 0
        for (int p = 0; p < points; p++) {
            int i = p == points - 1 ? shown - 1 : p * step;
            x[p + 1] = 100 * sorted[i];
            y[p + 1] = 100.0 * (i + 1) / sorted.length;
        }
        chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
    }
}

package org.mecopt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.SolverRegistry;
import org.mecopt.beamforming.BeamformingInstance;
import org.mecopt.cli.experiments.ExperimentFiles;
import org.mecopt.io.AtomicFiles;
import org.mecopt.io.Json;
import org.mecopt.models.beamforming.BeamformerComparison;
import org.mecopt.models.beamforming.BeamformingModel;
import org.mecopt.models.beamforming.LearnedBeamformer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "subcarrier-beamforming", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Learned beamformers (cmtssl, dmtssl, datl) and baselines against a labelled test set",
                "('generate subcarrier-beamforming --solver wmmse'): weighted sum rate as a fraction of the labels'",
                "(median, mean), users below their minimum rate, stations over their power, inference time at",
                "batch 1 and batched, the label solver's time. Writes ratios.csv, ratios.png (CDF), summary.json."})
final class EvaluateBeamformingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", description = {"Model directory (train subcarrier-beamforming --out); repeatable.",
            "Default: the bundled cmtssl and dmtssl models (datl too when the test set has B = 5)."})
    List<Path> models;

    @Option(names = "--data", required = true, description = "Test dataset directory (generate subcarrier-beamforming --out).")
    Path data;

    @Option(names = "--out", required = true, description = "Report directory.")
    Path out;

    @Option(names = "--baselines", split = ",", defaultValue = "rsa-zfbf,gsa-zfbf",
            description = "Classical solvers run on the same instances. Default: ${DEFAULT-VALUE}.")
    List<String> baselines;

    @Override
    public Integer call() throws Exception {
        ExperimentFiles.checkDirectory(out);
        for (String b : baselines) {
            if (SolverRegistry.find("subcarrier-beamforming", b).isEmpty()) { // before any model is run
                throw new InvalidInstanceException("--baselines", b, "is not a registered subcarrier-beamforming solver");
            }
        }
        BeamformerComparison.Labelled test = BeamformerComparison.read(data);
        if (test.instances().isEmpty()) {
            throw new InvalidInstanceException("--data", data, "holds no instances");
        }
        List<String> names = new ArrayList<>();
        List<BeamformingModel> loaded = new ArrayList<>();
        List<BeamformingModel> owned = new ArrayList<>();
        try {
            if (models == null || models.isEmpty()) {
                for (String solver : List.of("cmtssl", "dmtssl", "datl")) {
                    var s = (LearnedBeamformer) SolverRegistry.get(BeamformingInstance.class, solver);
                    BeamformingModel m = (BeamformingModel) s.bundled();
                    try {
                        m.checkFits(test.instances().get(0));
                    } catch (RuntimeException e) {
                        continue; // e.g. datl's B = 5 model on a B = 4 test set
                    }
                    names.add(solver + " (bundled)");
                    loaded.add(m);
                }
            } else {
                for (Path p : models) {
                    BeamformingModel m = BeamformingModel.load(p);
                    owned.add(m);
                    m.checkFits(test.instances().get(0));
                    names.add(m.architecture().method().id() + " (" + p.getFileName() + ")");
                    loaded.add(m);
                }
            }
            BeamformerComparison.Report r = BeamformerComparison.compare(test, names, loaded, baselines);
            write(r);
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "%d instances, reference %s (%.2f ms per instance)%n", r.instances(), r.reference(),
                    r.referenceMillis());
            o.println("method | WSR / reference median | mean | users below min | stations over power | ms batch 1 | ms batched | speed-up vs reference | parameters per network");
            for (var m : r.methods()) {
                o.printf(Locale.ROOT, "%s | %.2f%% | %.2f%% | %.2f%% | %.2f%% | %.3f | %s | %.0fx | %s%n", m.name(),
                        100 * m.medianRatio(), 100 * m.meanRatio(), 100 * m.usersBelowMinimumShare(),
                        100 * m.stationsOverPowerShare(), m.batchOneMillis(),
                        Double.isNaN(m.batchedMillis()) ? "-" : String.format(Locale.ROOT, "%.4f", m.batchedMillis()),
                        r.referenceMillis() / m.batchOneMillis(),
                        m.parametersPerNetwork() < 0 ? "-" : Long.toString(m.parametersPerNetwork()));
            }
            o.println("report: " + out.toAbsolutePath());
            o.flush();
        } finally {
            owned.forEach(BeamformingModel::close);
        }
        return 0;
    }

    private void write(BeamformerComparison.Report r) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("instance");
        for (var m : r.methods()) {
            csv.append(',').append(m.name().replace(',', ' '));
        }
        csv.append('\n');
        for (int s = 0; s < r.instances(); s++) {
            csv.append(s);
            for (var m : r.methods()) {
                csv.append(String.format(Locale.ROOT, ",%.6f", m.ratio()[s]));
            }
            csv.append('\n');
        }
        XYChart chart = new XYChartBuilder().width(760).height(480)
                .title("CDF of the weighted sum rate as a fraction of " + r.reference() + "'s")
                .xAxisTitle("WSR / WSR_" + r.reference() + " (%)").yAxisTitle("share of instances (%)").build();
        for (var m : r.methods()) {
            double[] sorted = m.ratio().clone();
            java.util.Arrays.sort(sorted);
            double[] x = new double[sorted.length];
            double[] y = new double[sorted.length];
            for (int k = 0; k < sorted.length; k++) {
                x[k] = 100 * sorted[k];
                y[k] = 100.0 * (k + 1) / sorted.length;
            }
            chart.addSeries(m.name(), x, y).setMarker(SeriesMarkers.NONE);
        }
        ExperimentFiles.write(out, "ratios", csv, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        var summary = Json.mapper().createObjectNode();
        summary.put("reference", r.reference());
        summary.put("referenceMillis", r.referenceMillis());
        summary.put("instances", r.instances());
        var arr = summary.putArray("methods");
        for (var m : r.methods()) {
            var n = arr.addObject();
            n.put("name", m.name());
            n.put("medianRatio", m.medianRatio());
            n.put("meanRatio", m.meanRatio());
            n.put("usersBelowMinimumShare", m.usersBelowMinimumShare());
            n.put("stationsOverPowerShare", m.stationsOverPowerShare());
            n.put("batchOneMillis", m.batchOneMillis());
            if (!Double.isNaN(m.batchedMillis())) {
                n.put("batchedMillis", m.batchedMillis());
            }
            n.put("speedUpVsReference", r.referenceMillis() / m.batchOneMillis());
            if (m.parametersPerNetwork() >= 0) {
                n.put("parametersPerNetwork", m.parametersPerNetwork());
            }
        }
        AtomicFiles.writeString(out.resolve("summary.json"), Json.toText(summary));
    }
}

package org.mecopt.cli.experiments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.beamforming.BeamformingGenerator;
import org.mecopt.beamforming.BeamformingInstance;
import org.mecopt.models.beamforming.BeamformerComparison;
import org.mecopt.models.beamforming.BeamformingModel;
import org.mecopt.models.beamforming.BeamformingTrainer;
import org.mecopt.models.beamforming.Method;
import org.mecopt.models.learning.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The learners beside WMMSE and the zero-forcing baselines over one swept parameter of the
 * default setting (MODEL.md §5, our reconstruction): at every point cmtssl and dmtssl are trained
 * afresh for that setting (a model is built for one B, I, N; the power sweep retrains too, so every
 * point is measured alike), then evaluated on unseen instances solved by {@code wmmse} here.
 */
@Command(name = "beamforming-sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Seed 002 (our reconstruction): cmtssl, dmtssl, rsa-zfbf, gsa-zfbf against wmmse over B, I, N",
                "or the station power. Per point: WSR as a fraction of wmmse's (median, mean), users below their",
                "minimum rate, stations over power, inference time at batch 1 and batched, training time.",
                "Writes beamforming-<sweep>.csv and .png, and the trained models under --out/models."})
final class BeamformingSweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sweep", required = true, description = "stations, users, subcarriers or power.")
    String sweep;

    @Option(names = "--values", required = true, split = ",", description = "The swept values (power in W).")
    List<Double> values;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--test-instances", defaultValue = "50", description = "Unseen instances per point. Default: ${DEFAULT-VALUE}.")
    int testInstances;

    @Option(names = "--train-instances", defaultValue = "2000", description = "Training pool per model. Default: ${DEFAULT-VALUE}.")
    int trainInstances;

    @Option(names = "--epochs", defaultValue = "4", description = "Epochs per model. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--cmtssl-hidden", split = ",", defaultValue = "256,256", description = "cmtssl's hidden layers. Default: ${DEFAULT-VALUE}.")
    List<Integer> cmtsslHidden;

    @Option(names = "--dmtssl-hidden", split = ",", defaultValue = "64,64", description = "Each station's hidden layers. Default: ${DEFAULT-VALUE}.")
    List<Integer> dmtsslHidden;

    @Option(names = "--seed", defaultValue = "1", description = "Training seed; test instances are seeds 900000 + k. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        ExperimentFiles.checkDirectory(out);
        if (!List.of("stations", "users", "subcarriers", "power").contains(sweep)) {
            throw new InvalidInstanceException("--sweep", sweep, "must be stations, users, subcarriers or power");
        }
        if (testInstances < 1) {
            throw new InvalidInstanceException("--test-instances", testInstances, "must be >= 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        StringBuilder csv = new StringBuilder("sweep,value,method,medianRatio,meanRatio,usersBelowMinimumShare,"
                + "stationsOverPowerShare,batchOneMillis,batchedMillis,trainingSeconds,parametersPerNetwork,wmmseMillis\n");
        Map<String, double[]> medians = new LinkedHashMap<>();
        for (int v = 0; v < values.size(); v++) {
            double value = values.get(v);
            BeamformingGenerator.Config c = config(value);
            List<BeamformingInstance> test = new ArrayList<>();
            for (int k = 0; k < testInstances; k++) {
                test.add(BeamformingGenerator.generate(c, 900_000L + k));
            }
            BeamformerComparison.Labelled reference = BeamformerComparison.solve("wmmse", test);
            List<String> names = new ArrayList<>();
            List<BeamformingModel> models = new ArrayList<>();
            List<Double> seconds = new ArrayList<>();
            try {
                for (Method m : List.of(Method.CMTSSL, Method.DMTSSL)) {
                    Path dir = out.resolve("models").resolve(sweep + "-" + format(value) + "-" + m.id());
                    int[] hidden = (m == Method.CMTSSL ? cmtsslHidden : dmtsslHidden).stream().mapToInt(Integer::intValue).toArray();
                    BeamformingTrainer.Summary s = BeamformingTrainer.train(BeamformingTrainer.Options.defaults(m, dir).with(c)
                            .withInstances(trainInstances, Math.max(50, trainInstances / 10))
                            .withTraining(epochs, 64, 1e-3, seed, epochs).withHidden(hidden), Progress.NONE);
                    err.printf(Locale.ROOT, "%s = %s: %s trained in %.0f s%n", sweep, format(value), m.id(), s.seconds());
                    err.flush();
                    names.add(m.id());
                    models.add(BeamformingModel.load(dir));
                    seconds.add(s.seconds());
                }
                BeamformerComparison.Report r = BeamformerComparison.compare(reference, names, models,
                        List.of("rsa-zfbf", "gsa-zfbf"));
                for (int k = 0; k < r.methods().size(); k++) {
                    var m = r.methods().get(k);
                    csv.append(String.format(Locale.ROOT, "%s,%s,%s,%.5f,%.5f,%.5f,%.5f,%.4f,%s,%s,%s,%.3f%n", sweep,
                            format(value), m.name(), m.medianRatio(), m.meanRatio(), m.usersBelowMinimumShare(),
                            m.stationsOverPowerShare(), m.batchOneMillis(),
                            Double.isNaN(m.batchedMillis()) ? "" : String.format(Locale.ROOT, "%.5f", m.batchedMillis()),
                            k < seconds.size() ? String.format(Locale.ROOT, "%.1f", seconds.get(k)) : "",
                            m.parametersPerNetwork() < 0 ? "" : Long.toString(m.parametersPerNetwork()), r.referenceMillis()));
                    medians.computeIfAbsent(m.name(), x -> new double[values.size()])[v] = 100 * m.medianRatio();
                }
            } finally {
                models.forEach(BeamformingModel::close);
            }
            err.printf(Locale.ROOT, "%s = %s done (%d/%d)%n", sweep, format(value), v + 1, values.size());
            err.flush();
        }
        XYChart chart = new XYChartBuilder().width(800).height(520)
                .title("Weighted sum rate as % of WMMSE's (median), sweep over " + sweep)
                .xAxisTitle(sweep.equals("power") ? "station power (W)" : sweep).yAxisTitle("% of WMMSE").build();
        double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
        medians.forEach((name, y) -> chart.addSeries(name, x, y));
        ExperimentFiles.write(out, "beamforming-" + sweep, csv, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        spec.commandLine().getOut().print(csv);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private BeamformingGenerator.Config config(double value) {
        BeamformingGenerator.Config d = BeamformingGenerator.Config.DEFAULT;
        int n = (int) Math.round(value);
        return switch (sweep) {
            case "stations" -> d.withSizes(n, d.antennas(), d.users(), d.subcarriers());
            case "users" -> d.withSizes(d.stations(), d.antennas(), n, d.subcarriers());
            case "subcarriers" -> d.withSizes(d.stations(), d.antennas(), d.users(), n);
            default -> d.withMaxPowerW(value);
        };
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

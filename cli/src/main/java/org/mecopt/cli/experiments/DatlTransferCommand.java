package org.mecopt.cli.experiments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.beamforming.BeamformingGenerator;
import org.mecopt.models.beamforming.BeamformingTrainer;
import org.mecopt.models.beamforming.Decoder;
import org.mecopt.models.beamforming.LossSettings;
import org.mecopt.models.beamforming.Method;
import org.mecopt.models.learning.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import org.mecopt.cli.BeamformingSizeOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Seed 002's datl (MODEL.md §5, our reconstruction): does a station added to a trained dmtssl system
 * learn faster from the nearest station's network than a system trained from scratch? Trains dmtssl at
 * B stations, then at B + 1 both datl (from it) and dmtssl from scratch, with the same instances,
 * shuffles, budget and settings, and records the validation criterion every {@code --every} optimizer
 * steps of all three runs (step 0: the start — for datl the copied networks, for scratch the decoder's
 * zero-initialized start). The quality is the criterion's negative, {@code WSR/U − penalty · shortfall}.
 *
 * <p>Reported: the steps at which datl reaches 95 % of scratch's best quality (the target:
 * within 10 % of scratch's steps), and — because that target is met at step 0 whenever training adds
 * little to the shared start — the steps at which each run reaches 95 % of scratch's <em>gain</em> over
 * its start, which is what transfer has to shorten.
 */
@Command(name = "datl-transfer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Seed 002 (our reconstruction): datl vs dmtssl from scratch at B + 1 stations, quality vs training",
                "steps. Trains dmtssl at B, then datl from it and dmtssl from scratch at B + 1 with the same budget and",
                "seeds; records the validation criterion every --every steps. Writes datl-transfer.csv and .png,",
                "datl-transfer-summary.csv, and the models under --out/models."})
final class DatlTransferCommand implements Callable<Integer> {
    /** The share: datl must reach 95 % of the from-scratch model. */
    static final double SHARE = 0.95;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--stations", defaultValue = "4", description = "B of the base system (datl and scratch: B + 1). Default: ${DEFAULT-VALUE}.")
    int stations;

    @Mixin
    BeamformingSizeOptions size;

    @Option(names = "--area-m", defaultValue = "500", description = "Side of the square area, m. Default: ${DEFAULT-VALUE}.")
    double areaM;

    @Option(names = "--decoder", defaultValue = "associated-rzf",
            description = "associated-rzf, rzf or direct (every station's network). Default: ${DEFAULT-VALUE}.")
    String decoder;

    @Option(names = "--hidden", split = ",", defaultValue = "64,64", description = "Each station's hidden layers. Default: ${DEFAULT-VALUE}.")
    List<Integer> hidden;

    @Option(names = "--loss", defaultValue = "uncertainty", description = "uncertainty or penalty. Default: ${DEFAULT-VALUE}.")
    String loss;

    @Option(names = "--train-instances", defaultValue = "2000", description = "Training pool of every run. Default: ${DEFAULT-VALUE}.")
    int trainInstances;

    @Option(names = "--validation-instances", defaultValue = "200", description = "Validation set of every run. Default: ${DEFAULT-VALUE}.")
    int validationInstances;

    @Option(names = "--base-epochs", defaultValue = "2", description = "Epochs of the base dmtssl at B. Default: ${DEFAULT-VALUE}.")
    int baseEpochs;

    @Option(names = "--epochs", defaultValue = "2", description = "Epochs of datl and of scratch at B + 1 (the budget). Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "64", description = "Mini-batch size. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "0.001", description = "Adam's learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the instances, shuffles and initialization. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--head-start", defaultValue = "zero",
            description = {"How the fresh networks' beam outputs start (the base dmtssl and scratch; datl copies the base):",
                    "zero (the decoder's classical start, as train does) or random (the engine's initialization,",
                    "from which training has to learn). Default: ${DEFAULT-VALUE}."})
    String headStart;

    @Option(names = "--every", defaultValue = "4", description = "Optimizer steps between two validation points. Default: ${DEFAULT-VALUE}.")
    int every;

    private BeamformingTrainer.HeadStart head;

    /** One point of a learning curve. */
    record Point(int step, double criterion, double wsrShare, double shortfall) {
        double quality() {
            return -criterion;
        }
    }

    @Override
    public Integer call() throws Exception {
        ExperimentFiles.checkDirectory(out);
        if (java.nio.file.Files.exists(out.resolve("models"))) { // train would resume those runs, not measure them anew
            throw new InvalidInstanceException("--out", out, "holds the models/ of an earlier run: use another directory");
        }
        if (every < 1) {
            throw new InvalidInstanceException("--every", every, "must be >= 1");
        }
        if (!List.of("zero", "random").contains(headStart)) {
            throw new InvalidInstanceException("--head-start", headStart, "must be zero or random");
        }
        head = headStart.equals("zero") ? BeamformingTrainer.HeadStart.ZERO : BeamformingTrainer.HeadStart.RANDOM;
        BeamformingGenerator.Config d = BeamformingGenerator.Config.DEFAULT;
        BeamformingGenerator.Config base = new BeamformingGenerator.Config(stations, size.antennas, size.users, size.subcarriers, size.maxPowerW,
                areaM, d.subcarrierBandwidthHz(), d.carrierGHz(), d.noiseFigureDb(), d.minRateBitsPerHz(),
                d.maxUsersPerSubcarrier());
        BeamformingGenerator.Config grown = base.withSizes(stations + 1, size.antennas, size.users, size.subcarriers);
        Decoder dec = Decoder.parse(decoder);
        int[] h = hidden.stream().mapToInt(Integer::intValue).toArray();
        LossSettings l = LossSettings.defaults().withWeighting(LossSettings.Weighting.parse(loss));
        PrintWriter err = spec.commandLine().getErr();
        Path models = out.resolve("models");

        List<Point> baseCurve = new ArrayList<>();
        BeamformingTrainer.Summary b = train(Method.DMTSSL, base, models.resolve("dmtssl-" + stations), baseEpochs, dec, h,
                l, null, baseCurve);
        err.printf(Locale.ROOT, "dmtssl at B=%d: %d steps in %.0f s%n", stations, b.stepsPerEpoch() * b.epochsRun(), b.seconds());
        err.flush();
        List<Point> datlCurve = new ArrayList<>();
        BeamformingTrainer.Summary t = train(Method.DATL, grown, models.resolve("datl-" + (stations + 1)), epochs, dec, h, l,
                b.out(), datlCurve);
        err.printf(Locale.ROOT, "datl at B=%d (new station from station %d): %.0f s%n", stations + 1, t.nearest(), t.seconds());
        err.flush();
        List<Point> scratchCurve = new ArrayList<>();
        BeamformingTrainer.Summary s = train(Method.DMTSSL, grown, models.resolve("scratch-" + (stations + 1)), epochs, dec, h,
                l, null, scratchCurve);
        err.printf(Locale.ROOT, "dmtssl from scratch at B=%d: %.0f s%n", stations + 1, s.seconds());
        err.flush();

        StringBuilder csv = new StringBuilder("run,stations,step,criterion,quality,wsrShare,shortfall\n");
        appendCurve(csv, "dmtssl-base", stations, baseCurve);
        appendCurve(csv, "datl", stations + 1, datlCurve);
        appendCurve(csv, "scratch", stations + 1, scratchCurve);
        Transfer r = Transfer.of(datlCurve, scratchCurve, SHARE);
        int budget = s.stepsPerEpoch() * s.epochsRun();
        StringBuilder summary = new StringBuilder("metric,value\n");
        row(summary, "budgetSteps", budget);
        row(summary, "baseSteps", b.stepsPerEpoch() * b.epochsRun());
        row(summary, "baseStartQuality", baseCurve.get(0).quality());
        row(summary, "baseBestQuality", best(baseCurve).quality());
        row(summary, "baseBestStep", best(baseCurve).step());
        row(summary, "newStationCopiedFrom", t.nearest());
        row(summary, "datlStartQuality", r.datlStart());
        row(summary, "datlBestQuality", best(datlCurve).quality());
        row(summary, "datlBestStep", best(datlCurve).step());
        row(summary, "scratchStartQuality", r.scratchStart());
        row(summary, "scratchBestQuality", r.scratchBest());
        row(summary, "scratchBestStep", best(scratchCurve).step());
        row(summary, "datlStepsTo95PercentOfScratchBest", r.datlToBest());
        row(summary, "scratchStepsTo95PercentOfItsBest", r.scratchToBest());
        row(summary, "scratchGain", r.scratchBest() - r.scratchStart()); // 0: scratch never beat its start, the gain rows say nothing
        row(summary, "datlStepsTo95PercentOfScratchGain", r.datlToGain());
        row(summary, "scratchStepsTo95PercentOfItsGain", r.scratchToGain());
        // a diverged run (NaN parameters) shows as NaN points: never a best, never reaching a level
        row(summary, "nonFinitePoints", java.util.stream.Stream.of(baseCurve, datlCurve, scratchCurve).flatMap(List::stream)
                .filter(p -> !Double.isFinite(p.criterion())).count());
        row(summary, "baseSeconds", b.seconds());
        row(summary, "datlSeconds", t.seconds());
        row(summary, "scratchSeconds", s.seconds());

        XYChart chart = new XYChartBuilder().width(900).height(540)
                .title(String.format(Locale.ROOT, "datl vs dmtssl from scratch at B=%d (M=%d, I=%d, N=%d, %s W, %s m, %s, %s start)",
                        stations + 1, size.antennas, size.users, size.subcarriers, format(size.maxPowerW), format(areaM), dec.id(), headStart))
                .xAxisTitle("training steps").yAxisTitle("validation WSR/U - penalty * shortfall").build();
        series(chart, "datl (B=" + (stations + 1) + ", from dmtssl B=" + stations + ")", datlCurve, SeriesMarkers.NONE);
        series(chart, "dmtssl from scratch (B=" + (stations + 1) + ")", scratchCurve, SeriesMarkers.NONE);
        series(chart, "dmtssl base (B=" + stations + ")", baseCurve, SeriesMarkers.NONE).setLineStyle(SeriesLines.DOT_DOT);
        double last = Math.max(Math.max(datlCurve.get(datlCurve.size() - 1).step(), scratchCurve.get(scratchCurve.size() - 1).step()),
                baseCurve.get(baseCurve.size() - 1).step());
        if (r.scratchBest() > 0) {
            chart.addSeries("95 % of scratch's best", new double[] {0, last},
                    new double[] {SHARE * r.scratchBest(), SHARE * r.scratchBest()})
                    .setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.DASH_DASH);
        }
        ExperimentFiles.write(out, "datl-transfer", csv, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        org.mecopt.io.AtomicFiles.writeString(out.resolve("datl-transfer-summary.csv"), summary.toString());
        PrintWriter w = spec.commandLine().getOut();
        w.print(summary);
        w.flush();
        return 0;
    }

    private BeamformingTrainer.Summary train(Method method, BeamformingGenerator.Config c, Path dir, int runEpochs,
                                             Decoder dec, int[] h, LossSettings l, Path init, List<Point> curve)
            throws java.io.IOException {
        // patience = epochs: no early stopping, so both runs at B + 1 take the whole budget
        BeamformingTrainer.Options o = BeamformingTrainer.Options.defaults(method, dir).with(c)
                .withInstances(trainInstances, validationInstances)
                .withTraining(runEpochs, batchSize, learningRate, seed, runEpochs).withHidden(h).withDecoder(dec).withLoss(l)
                .withInit(init, -1);
        return BeamformingTrainer.train(o, Progress.NONE, new BeamformingTrainer.StepCurve() {
            @Override
            public int every() {
                return every;
            }

            @Override
            public void at(int step, double criterion, double wsrShare, double shortfall) {
                curve.add(new Point(step, criterion, wsrShare, shortfall));
                PrintWriter err = spec.commandLine().getErr();
                err.printf(Locale.ROOT, "%s B=%d step %d: validation WSR/U %.5f, shortfall %.5f%n", method.id(), c.stations(),
                        step, wsrShare, shortfall);
                err.flush();
            }
        }, head);
    }

    /**
     * What the two curves at B + 1 say about transfer; a step of −1: never reached within the budget.
     *
     * @param datlToBest first step at which datl's quality ≥ share · scratch's best (−1 if that best ≤ 0)
     * @param scratchToBest the same for scratch itself: 0 when the start is already there
     * @param datlToGain first step at which datl's quality ≥ scratch's start + share · (best − start)
     * @param scratchToGain the same for scratch
     */
    record Transfer(double datlStart, double scratchStart, double scratchBest, int datlToBest, int scratchToBest,
                    int datlToGain, int scratchToGain) {
        static Transfer of(List<Point> datl, List<Point> scratch, double share) {
            double start = scratch.get(0).quality();
            double bestQuality = best(scratch).quality();
            double ofBest = share * bestQuality;
            double ofGain = start + share * (bestQuality - start);
            return new Transfer(datl.get(0).quality(), start, bestQuality,
                    bestQuality > 0 ? firstReaching(datl, ofBest) : -1, bestQuality > 0 ? firstReaching(scratch, ofBest) : -1,
                    firstReaching(datl, ofGain), firstReaching(scratch, ofGain));
        }

        private static int firstReaching(List<Point> curve, double level) {
            for (Point p : curve) {
                if (p.quality() >= level) {
                    return p.step();
                }
            }
            return -1;
        }
    }

    static Point best(List<Point> curve) {
        Point b = curve.get(0);
        for (Point p : curve) {
            if (p.quality() > b.quality()) {
                b = p;
            }
        }
        return b;
    }

    private static void appendCurve(StringBuilder csv, String run, int b, List<Point> curve) {
        for (Point p : curve) {
            csv.append(run).append(',').append(b).append(',').append(p.step()).append(',').append(p.criterion()).append(',')
                    .append(p.quality()).append(',').append(p.wsrShare()).append(',').append(p.shortfall()).append('\n');
        }
    }

    private static void row(StringBuilder csv, String name, double value) {
        csv.append(name).append(',').append(value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : Double.toString(value)).append('\n');
    }

    private static XYSeries series(XYChart chart, String name, List<Point> curve, org.knowm.xchart.style.markers.Marker marker) {
        double[] x = curve.stream().mapToDouble(Point::step).toArray();
        double[] y = curve.stream().mapToDouble(Point::quality).toArray();
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(marker);
        return s;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

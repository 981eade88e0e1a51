package org.mecopt.models.learning;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.mecopt.io.AtomicFiles;

/** A training run's curves: {@code training-curve.csv} (one row per epoch) and {@code training-curve.png}. */
public final class Curves {
    public static final String CSV = "training-curve.csv";
    public static final String PNG = "training-curve.png";

    private Curves() {
    }

    public static void write(List<Epoch> history, String title, Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("epoch,trainLoss,validationLoss,learningRate,best,seconds\n");
        for (Epoch e : history) {
            csv.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s\n", e.epoch(), e.trainLoss(), e.validationLoss(),
                    e.learningRate(), e.best(), e.seconds()));
        }
        AtomicFiles.writeString(dir.resolve(CSV), csv.toString());
        double[] epoch = history.stream().mapToDouble(Epoch::epoch).toArray();
        XYChart chart = new XYChartBuilder().width(760).height(480).title(title)
                .xAxisTitle("Epoch").yAxisTitle("Loss").build();
        chart.addSeries("train", epoch, history.stream().mapToDouble(Epoch::trainLoss).toArray());
        chart.addSeries("validation", epoch, history.stream().mapToDouble(Epoch::validationLoss).toArray());
        AtomicFiles.write(dir.resolve(PNG), BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }
}

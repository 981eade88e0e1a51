package org.mecopt.cli.experiments;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.mecopt.deadline.TaskClass;

/**
 * Seed 000's Fig. 1 as one PNG: (a) task success rate and (b) normalized energy per task-generation
 * opportunity, per class, one bar per policy, with 95 % confidence intervals as error bars when given.
 * Shared by {@code simulate deadline-energy} and {@code experiment deadline-energy}.
 */
public final class DeadlineEnergyFigure {
    private DeadlineEnergyFigure() {
    }

    /** One policy's bars: per class the success rate and normalized energy, and their CI half-widths (NaN: none). */
    public record Bars(Map<TaskClass, SampleMean> successRate, Map<TaskClass, SampleMean> normalizedEnergy) {
    }

    public static byte[] png(Map<String, Bars> policies) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int w = 640;
        int h = 460;
        CategoryChart success = chart("(a) Average task success rate", "Success rate");
        CategoryChart energy = chart("(b) Average normalized energy per task generation", "Energy / E_max");
        List<String> classes = new ArrayList<>();
        for (TaskClass c : TaskClass.values()) {
            classes.add(c.label());
        }
        for (Map.Entry<String, Bars> e : policies.entrySet()) {
            add(success, e.getKey(), classes, e.getValue().successRate());
            add(energy, e.getKey(), classes, e.getValue().normalizedEnergy());
        }
        BufferedImage image = new BufferedImage(2 * w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Graphics2D left = (Graphics2D) g.create(0, 0, w, h);
        success.paint(left, w, h);
        left.dispose();
        Graphics2D right = (Graphics2D) g.create(w, 0, w, h);
        energy.paint(right, w, h);
        right.dispose();
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static void add(CategoryChart chart, String policy, List<String> classes, Map<TaskClass, SampleMean> values) {
        List<Double> y = new ArrayList<>();
        List<Double> err = new ArrayList<>();
        boolean anyError = false;
        for (TaskClass c : TaskClass.values()) {
            SampleMean m = values.get(c);
            y.add(m == null || Double.isNaN(m.mean()) ? 0 : m.mean());
            double ci = m == null || Double.isNaN(m.ci95()) ? 0 : m.ci95();
            anyError |= ci > 0;
            err.add(ci);
        }
        if (anyError) {
            chart.addSeries(policy, classes, y, err);
        } else {
            chart.addSeries(policy, classes, y);
        }
    }

    private static CategoryChart chart(String title, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(640).height(460).title(title).xAxisTitle("Class")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        return chart;
    }
}

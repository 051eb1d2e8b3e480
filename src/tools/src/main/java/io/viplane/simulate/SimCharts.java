package io.viplane.simulate;

import io.viplane.model.Tier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The comparison as PNG charts: first response per tier, VIP attainment per day, STANDARD waits. */
final class SimCharts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;

    private SimCharts() {
    }

    /** Writes the three charts into {@code dir} and returns their paths. */
    static List<Path> write(List<Figures> runs, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path firstResponse = dir.resolve("first-response-p90.png");
        Path attainment = dir.resolve("vip-attainment-by-day.png");
        Path waits = dir.resolve("standard-wait.png");
        ChartUtils.saveChartAsPNG(firstResponse.toFile(), firstResponse(runs), WIDTH, HEIGHT);
        ChartUtils.saveChartAsPNG(attainment.toFile(), attainment(runs), WIDTH, HEIGHT);
        ChartUtils.saveChartAsPNG(waits.toFile(), waits(runs), WIDTH, HEIGHT);
        return List.of(firstResponse, attainment, waits);
    }

    private static String name(Figures f) {
        return f.ordering().equals("viplane") ? "viplane (" + f.policy() + ")" : f.ordering();
    }

    private static JFreeChart firstResponse(List<Figures> runs) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Figures f : runs) {
            for (Tier t : Tier.values()) {
                Figures.TierFigures tf = f.tiers().get(t);
                data.addValue(tf.p90Minutes() < 0 ? null : tf.p90Minutes(), name(f), t.name() + " (SLA " + tf.targetMinutes() + ")");
            }
        }
        return ChartFactory.createBarChart("First response p90 per tier (SLA minutes)", "tier", "minutes", data,
                PlotOrientation.VERTICAL, true, false, false);
    }

    private static JFreeChart attainment(List<Figures> runs) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Figures f : runs) {
            XYSeries s = new XYSeries(name(f));
            double[] byDay = f.vipAttainmentByDay();
            for (int d = 0; d < byDay.length; d++) {
                if (!Double.isNaN(byDay[d])) {
                    s.add(d + 1, 100 * byDay[d]);
                }
            }
            data.addSeries(s);
        }
        return ChartFactory.createXYLineChart("VIP first responses within SLA, per day", "day", "% within SLA", data,
                PlotOrientation.VERTICAL, true, false, false);
    }

    private static JFreeChart waits(List<Figures> runs) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int[] bounds = Figures.WAIT_BUCKETS;
        for (Figures f : runs) {
            int[] b = f.standardWaitBuckets();
            for (int i = 0; i < b.length; i++) {
                String label = i < bounds.length ? "≤ " + bounds[i] + " min" : "> " + bounds[bounds.length - 1] + " min";
                data.addValue(b[i], name(f), label);
            }
        }
        return ChartFactory.createBarChart("STANDARD tickets: wait for a first reply (calendar)", "wait", "tickets", data,
                PlotOrientation.VERTICAL, true, false, false);
    }
}

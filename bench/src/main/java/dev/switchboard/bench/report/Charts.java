package dev.switchboard.bench.report;

import dev.switchboard.bench.measure.Timeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The two PNG plots: latency over time and throughput over time, one point per second. */
final class Charts {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 500;

    private Charts() {
    }

    static void write(Timeline timeline, Path folder) {
        System.setProperty("java.awt.headless", "true"); // no display on a build machine
        XYSeriesCollection latency = new XYSeriesCollection();
        latency.addSeries(series("ack p99", timeline.percentileMillis("ack", 99)));
        latency.addSeries(series("routing decision p50", timeline.percentileMillis("routed", 50)));
        latency.addSeries(series("routing decision p99", timeline.percentileMillis("routed", 99)));
        latency.addSeries(series("stored p99", timeline.percentileMillis("stored", 99)));
        save(ChartFactory.createXYLineChart("Latency by second of sending", "seconds since start", "milliseconds",
                latency, PlotOrientation.VERTICAL, true, false, false), folder.resolve("latency.png"));

        XYSeriesCollection throughput = new XYSeriesCollection();
        throughput.addSeries(series("webhooks sent", timeline.counts("sent")));
        throughput.addSeries(series("acked (200)", timeline.counts("acked")));
        throughput.addSeries(series("on intake topic", timeline.counts("intake")));
        throughput.addSeries(series("routing records", timeline.counts("routed")));
        throughput.addSeries(series("stored in ticket-core", timeline.counts("stored")));
        save(ChartFactory.createXYLineChart("Throughput per second", "seconds since start", "per second",
                throughput, PlotOrientation.VERTICAL, true, false, false), folder.resolve("throughput.png"));
    }

    private static XYSeries series(String name, Map<Integer, ? extends Number> points) {
        XYSeries series = new XYSeries(name);
        points.forEach(series::add);
        return series;
    }

    private static void save(JFreeChart chart, Path file) {
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

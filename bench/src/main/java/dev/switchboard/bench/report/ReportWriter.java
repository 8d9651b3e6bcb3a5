package dev.switchboard.bench.report;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.switchboard.bench.measure.Timeline;
import dev.switchboard.contract.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes report.md, figures.json, latency.png and throughput.png into the out folder. */
public final class ReportWriter {
    private ReportWriter() {
    }

    public static void write(Figures figures, Timeline timeline, Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("report.md"), MarkdownReport.render(figures));
            Files.writeString(folder.resolve("figures.json"), Json.mapper().copy()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .writeValueAsString(figures));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + folder, e);
        }
        Charts.write(timeline, folder);
    }
}

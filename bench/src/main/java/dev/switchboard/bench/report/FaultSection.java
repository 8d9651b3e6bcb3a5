package dev.switchboard.bench.report;

import dev.switchboard.bench.measure.Tally;

/** The faults part of report.md: what fired when, how long until it moved again, and the run's counts. */
final class FaultSection {
    private FaultSection() {
    }

    static void render(StringBuilder md, FaultReport report, Tally tally) {
        if (report.faults().isEmpty()) {
            return;
        }
        md.append("\n## Faults\n\nSeconds from the start of the load. Recovery: from firing until the stage the ")
                .append("fault hit processed again (restarts included). Lost and doubled are the whole run's, ")
                .append("read from the topics and the database after the drain.\n\n");
        md.append("| fault | planned s | fired s | inject s | recovery s | lost | doubled |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (FaultFigures f : report.faults()) {
            md.append(String.format("| %s | %.1f | %.1f | %.1f | %s | %d | %d |%n", f.name(), f.plannedAtSeconds(),
                    f.firedAtSeconds(), f.injectSeconds(),
                    f.recovered() ? String.format("%.1f", f.recoverySeconds()) : "**not recovered**",
                    tally.lost(), tally.doubled()));
        }
        md.append("\n");
        for (FaultFigures f : report.faults()) {
            md.append("- **").append(f.name()).append("**: ").append(f.description());
            if (!f.detail().isEmpty()) {
                md.append(". ").append(f.detail());
            }
            if (f.error() != null) {
                md.append(". Failed: ").append(f.error());
            }
            md.append("\n");
        }
        md.append(String.format("%nThe provider sent %,d deliveries again after a failure or a 5xx (bounded "
                + "backoff, 8 attempts at most) and gave up on %,d.%n", report.redeliveries(), report.gaveUp()));
    }
}

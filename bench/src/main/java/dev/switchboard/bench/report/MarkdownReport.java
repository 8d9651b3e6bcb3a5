package dev.switchboard.bench.report;

import dev.switchboard.bench.measure.ProcessSampler;
import dev.switchboard.bench.measure.Tally;
import dev.switchboard.devkit.launcher.Stack;

/** report.md: the figures a person reads first, and pass/fail against the targets. */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String render(Figures f) {
        StringBuilder md = new StringBuilder();
        md.append("# Switchboard benchmark — ").append(f.scenario()).append("\n\n");
        md.append(String.format("Started %s; %.0f s of load at %s, %d connections, seed %d.%n%n", f.startedAt(),
                f.loadSeconds(), f.targetRatePerSecond() == 0 ? "full speed" : f.targetRatePerSecond() + " deliveries/s",
                f.concurrency(), f.seed()));
        md.append("Services' JVMs: `").append(String.join(" ", Stack.SERVICE_JVM_DEFAULTS)).append('`')
                .append(f.serviceJvmOptions().isBlank() ? ""
                        : " `" + f.serviceJvmOptions() + "`")
                .append(" (`").append(Stack.SERVICE_JVM_OPTIONS).append("` adds options).\n\n");

        md.append("## Targets (issue 12)\n\n| target | measured | result |\n| --- | --- | --- |\n");
        f.targets().forEach(t -> md.append(String.format("| %s | %s | %s |%n", t.target(), t.measured(),
                t.pass() ? "PASS" : "FAIL")));

        md.append("\n## Stages\n\nLatency from the moment the message's first webhook was sent.\n\n");
        md.append("| stage | count | p50 ms | p95 ms | p99 ms | max ms | per second |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        f.stages().forEach(s -> md.append(String.format("| %s | %,d | %.1f | %.1f | %.1f | %.1f | %,.0f |%n",
                s.stage(), s.count(), s.p50Ms(), s.p95Ms(), s.p99Ms(), s.maxMs(), s.perSecond())));
        md.append(String.format("%nAccepted %,.0f deliveries/s during the load; the pipeline stored %,.0f unique "
                + "messages/s (first send to last stored row); drain after the load: %.1f s.%n",
                f.acceptedPerSecond(), f.pipelinePerSecond(), f.drainSeconds()));
        if (f.drainOutcome().equals("CUT_OFF")) {
            md.append("\n**The drain was cut off while the pipeline was still working through its backlog:** "
                    + "\"lost\" below includes messages that were most likely still queued, not dropped. "
                    + "A lower `--rate` separates the two.\n");
        } else if (f.drainOutcome().equals("STALLED")) {
            md.append("\n**The pipeline stopped making progress during the drain:** what is missing is lost.\n");
        }

        Tally t = f.tally();
        md.append("\n## Counts (read from the topics and the database)\n\n| what | count |\n| --- | ---: |\n");
        row(md, "webhook deliveries", t.requests());
        row(md, "  of which provider retries (exact repeats)", t.retries());
        row(md, "  answered 200", t.acks());
        row(md, "  answered otherwise or failed", t.errors());
        row(md, "unique messages sent", t.uniqueSent());
        row(md, "unique messages accepted", t.uniqueAcked());
        row(md, "  with one routing decision history", t.routed());
        row(md, "  stored once in ticket-core", t.stored());
        row(md, "lost before routing", t.lostRouting());
        row(md, "lost before ticket-core", t.lostStored());
        row(md, "doubled routing decisions", t.doubledRouting());
        row(md, "doubled stored messages", t.doubledStored());
        t.decisionsByType().forEach((type, n) -> row(md, "routing records: " + type, n));
        md.append("\nCounts add up: ").append(f.countsAddUp() ? "yes" : "**no**").append("\n");
        FaultSection.render(md, f.faults(), t);

        md.append("\n## Raw Kafka ceiling (same broker, same run)\n\n");
        var c = f.kafkaCeiling();
        if (c.records() == 0) {
            md.append("Not measured in this scenario.\n");
        } else {
            md.append(String.format("%,d records of %d B, acks=all, idempotent: produced %,.0f records/s, consumed "
                            + "%,.0f records/s. The pipeline ran at %.1f %% of the produce ceiling.%n", c.records(),
                    c.recordBytes(), c.producedPerSecond(), c.consumedPerSecond(), f.fractionOfCeiling() * 100));
        }

        md.append("\n## Raw HTTP ceiling (same machine, same run)\n\n");
        var h = f.httpCeiling();
        if (h.answered() == 0) {
            md.append("Not measured in this scenario.\n");
        } else {
            md.append(String.format("The load generator, with the same mix and %d connections, against an endpoint that "
                            + "checks the signature and answers 200 (Vert.x, in the generator's JVM, no broker, no "
                            + "database): %,.0f webhooks/s over %.0f s, taking %.0f %% of one core. No channel accepts "
                            + "faster on this machine; the run accepted %.1f %% of it and stored %.1f %%.%n",
                    h.concurrency(), h.perSecond(), h.seconds(), h.cpuPercentOfCore(),
                    100 * f.acceptedPerSecond() / h.perSecond(), 100 * f.pipelinePerSecond() / h.perSecond()));
            if (h.notAnswered() > 0) {
                md.append(String.format("**%,d deliveries were refused or failed** (not counted): the figure is "
                        + "not the machine's.%n", h.notAnswered()));
            }
        }

        md.append("\n## Processes\n\nCPU in % of one core (the machine has ")
                .append(Runtime.getRuntime().availableProcessors()).append(" and may be shared). PostgreSQL counts the")
                .append(" postmaster and all its backends; its memory is their proportional share (Pss).\n\n");
        md.append("| process | pid | CPU avg % | CPU max % | RSS avg MiB | RSS max MiB |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (ProcessSampler.Usage u : f.processes()) {
            md.append(String.format("| %s | %d | %.0f | %.0f | %.0f | %.0f |%n", u.name(), u.pid(), u.cpuAvgPercent(),
                    u.cpuMaxPercent(), u.rssAvgMiB(), u.rssMaxMiB()));
        }
        md.append("\n![latency over time](latency.png)\n\n![throughput over time](throughput.png)\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String what, long count) {
        md.append(String.format("| %s | %,d |%n", what, count));
    }
}

package dev.switchboard.bench.scenario;

import dev.switchboard.bench.load.LoadGenerator;
import dev.switchboard.bench.load.ProgressBar;
import dev.switchboard.bench.load.TrafficMix;
import dev.switchboard.bench.load.WhatsAppDriver;
import dev.switchboard.bench.measure.Accounting;
import dev.switchboard.bench.measure.AgentCapacity;
import dev.switchboard.bench.measure.HttpCeiling;
import dev.switchboard.bench.measure.KafkaCeiling;
import dev.switchboard.bench.measure.ProcessSampler;
import dev.switchboard.bench.measure.Progress;
import dev.switchboard.bench.measure.SendLog;
import dev.switchboard.bench.measure.StageWatcher;
import dev.switchboard.bench.measure.Stages;
import dev.switchboard.bench.measure.Tally;
import dev.switchboard.bench.measure.TicketStore;
import dev.switchboard.bench.measure.Timeline;
import dev.switchboard.bench.report.FaultFigures;
import dev.switchboard.bench.report.FaultReport;
import dev.switchboard.bench.report.Figures;
import dev.switchboard.bench.report.ReportWriter;
import dev.switchboard.bench.report.Targets;
import dev.switchboard.devkit.launcher.ManagedProcess;
import dev.switchboard.devkit.launcher.Stack;
import dev.switchboard.devkit.providers.WhatsAppWebhooks;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One benchmark run against a system that is already up: load (with faults, if the scenario has
 * any), drain, settle the counts, measure the Kafka ceiling, write the report. Starting and
 * stopping the system is the caller's job, so a test can share one system with other tests.
 */
public final class BenchRun {
    private final Stack stack;
    private final PrintStream console;
    private final boolean interactive;

    public BenchRun(Stack stack, PrintStream console, boolean interactive) {
        this.stack = stack;
        this.console = console;
        this.interactive = interactive;
    }

    public Figures run(Scenario scenario, Path out) {
        String runTag = String.format("%04d", Math.floorMod(System.nanoTime(), 10_000));
        Instant startedAt = Instant.now();
        Timeline timeline = new Timeline(startedAt.toEpochMilli());
        SendLog log = new SendLog(timeline);
        Stages stages = Stages.of(log);
        TicketStore tickets = new TicketStore(stack.endpoints(), "wamid.bench" + runTag + ".");
        WhatsAppDriver driver = new WhatsAppDriver(stack.url("channel-whatsapp"), WhatsAppWebhooks.DEV_APP_SECRET);
        LoadGenerator load = new LoadGenerator(driver, new TrafficMix(scenario.seed(), scenario.mix(), runTag), log,
                scenario.concurrency());

        StageWatcher watcher = new StageWatcher(stack.endpoints().kafkaBootstrapServers(), timeline).start();
        double drainSeconds;
        Drain.Outcome drain;
        List<ProcessSampler.Usage> usage;
        List<FaultFigures> faultFigures;
        double loadSeconds; // longer than the scenario's duration when faults were still recovering
        try (ProcessSampler sampler = new ProcessSampler(pids(),
                stack.databasePid() > 0 ? Map.of("postgresql (all processes)", stack::databasePid) : Map.of())) {
            console.printf("Load: %s scenario, %s, %d s, seed %d%n", scenario.name(),
                    scenario.ratePerSecond() == 0 ? "full speed" : scenario.ratePerSecond() + "/s",
                    scenario.duration().toSeconds(), scenario.seed());
            Progress progress = new Progress(log, watcher, tickets);
            try (ProgressBar bar = new ProgressBar(log, scenario.duration(), console, interactive);
                 FaultRunner faults = new FaultRunner(scenario.faults(), stack, progress, console)) {
                long loadStart = System.nanoTime();
                try {
                    load.run(scenario.ratePerSecond(), scenario.duration(), faults::pending);
                } finally {
                    driver.close(); // every answer is in (the generator waited for them)
                    faults.close(); // the faults still to come fire before the drain starts
                    faultFigures = faults.figures();
                    loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                }
            }
            long drainStart = System.nanoTime();
            drain = new Drain(scenario.drainTimeout(), scenario.drainLimit(), console).await(log, watcher, tickets);
            drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            usage = sampler.usage();
        } finally {
            watcher.close();
        }
        Tally tally = new Accounting(stages, timeline).settle(log, watcher, tickets.rows());

        KafkaCeiling.Result ceiling = measureCeiling(scenario.ceilingRecords());
        HttpCeiling.Result httpCeiling = measureHttpCeiling(scenario);

        long start = timeline.startMillis();
        List<Figures.StageFigures> stageFigures = stages.all().stream()
                .map(s -> Figures.StageFigures.of(s, start)).toList();
        double pipeline = stages.stored().throughput(start);
        double accepted = log.acks() / loadSeconds;
        FaultReport faultReport = new FaultReport(faultFigures, log.redeliveries(), log.gaveUp());
        List<Figures.TargetCheck> targets = new ArrayList<>(Targets.check(pipeline, stageFigures.get(2), tally,
                AgentCapacity.overbooked(stack.endpoints())));
        if (!faultFigures.isEmpty()) {
            targets.add(faultReport.target());
        }
        Figures figures = new Figures(scenario.name(), startedAt, scenario.ratePerSecond(),
                loadSeconds, scenario.seed(), scenario.concurrency(), Stack.serviceJvmOptions(), stageFigures, tally,
                tally.addsUp(), accepted, pipeline, drainSeconds, drain.name(), ceiling,
                ceiling.records() == 0 ? 0 : pipeline / ceiling.producedPerSecond(), httpCeiling,
                usage, targets, faultReport);
        ReportWriter.write(figures, timeline, out);
        console.printf("Report: %s%n", out.resolve("report.md").toAbsolutePath());
        return figures;
    }

    /** Zero records: not measured (the faults scenario is about recovery, not speed). */
    private KafkaCeiling.Result measureCeiling(long records) {
        if (records == 0) {
            return new KafkaCeiling.Result(0, 0, 0, 0);
        }
        console.printf("Kafka ceiling: %,d records of 1 KB...%n", records);
        return new KafkaCeiling(stack.endpoints().kafkaBootstrapServers()).measure(records);
    }

    /** After the drain, with the services idle: the machine's own limit for webhooks, whatever the pipeline does. */
    private HttpCeiling.Result measureHttpCeiling(Scenario scenario) {
        if (scenario.httpCeiling().isZero()) {
            return HttpCeiling.Result.NOT_MEASURED;
        }
        console.printf("HTTP ceiling: %d s against a do-nothing endpoint...%n", scenario.httpCeiling().toSeconds());
        return HttpCeiling.measure(scenario.httpCeiling(), scenario.concurrency(), scenario.seed(), scenario.mix());
    }

    /** Each process's pid now: a service or the broker started again by a fault is followed. */
    private Map<String, LongSupplier> pids() {
        Map<String, LongSupplier> pids = new LinkedHashMap<>();
        for (ManagedProcess process : stack.processes()) {
            String name = process.name();
            pids.put(name, () -> stack.processes().stream().filter(p -> p.name().equals(name) && p.isAlive())
                    .findFirst().map(ManagedProcess::pid).orElse(-1L));
        }
        long self = ProcessHandle.current().pid();
        pids.put("bench (load generator)", () -> self);
        return pids;
    }
}

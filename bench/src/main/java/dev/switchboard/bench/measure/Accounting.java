package dev.switchboard.bench.measure;

import dev.switchboard.contract.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Settles a run after the drain: every message the channel accepted must have one routing decision
 * history and one stored row; what the topics and the database hold decides, nothing is assumed.
 * Also files the per-message stage latencies.
 */
public final class Accounting {
    private final Stages stages;
    private final Timeline timeline;

    public Accounting(Stages stages, Timeline timeline) {
        this.stages = stages;
        this.timeline = timeline;
    }

    public Tally settle(SendLog log, StageWatcher watcher, Map<String, List<TicketStore.Row>> storedRows) {
        long routed = 0, stored = 0, lostRouting = 0, lostStored = 0, doubledRouting = 0, doubledStored = 0;
        Map<String, Long> decisionsByType = new TreeMap<>();
        for (SendLog.Sent sent : log.messages()) {
            List<StageWatcher.Seen> seen = watcher.about(sent.id());
            List<StageWatcher.Seen> records = seen.stream()
                    .filter(s -> !s.topic().equals(Topics.INTAKE_MESSAGES)).toList();
            // A decision published again after a crash (at-least-once) has the same CloudEvents id and is
            // dropped by consumers: it is one decision, counted apart as a republication.
            List<StageWatcher.Seen> decisions = new ArrayList<>(records.stream()
                    .collect(Collectors.toMap(StageWatcher.Seen::eventId, d -> d, (a, b) -> a, LinkedHashMap::new))
                    .values());
            if (records.size() > decisions.size()) {
                decisionsByType.merge(REPUBLISHED, (long) (records.size() - decisions.size()), Long::sum);
            }
            decisions.forEach(d -> decisionsByType.merge(d.type(), 1L, Long::sum));
            List<TicketStore.Row> rows = storedRows.getOrDefault(sent.providerMessageId(), List.of());
            fileLatencies(sent, seen, decisions, rows);
            if (!sent.acked()) {
                continue; // never accepted: the provider would still be retrying; not the pipeline's to keep
            }
            switch (verdict(decisions)) {
                case ONE -> routed++;
                case NONE -> lostRouting++;
                case MORE -> doubledRouting++;
            }
            if (rows.isEmpty()) {
                lostStored++;
            } else if (rows.size() == 1) {
                stored++;
            } else {
                doubledStored++;
            }
        }
        return new Tally(log.requests(), log.retries(), log.acks(), log.errors(), log.messages().size(),
                log.uniqueAcked(), routed, stored, lostRouting, lostStored, doubledRouting, doubledStored,
                decisionsByType);
    }

    /** How republished decisions (same ce_id) show among the decision types of the report. */
    static final String REPUBLISHED = "republished (same ce_id, dropped by consumers)";

    private enum Verdict { NONE, ONE, MORE }

    /** Valid histories: assigned; queued; queued then assigned; duplicate-linked. Anything else is doubled. */
    private static Verdict verdict(List<StageWatcher.Seen> decisions) {
        if (decisions.isEmpty()) {
            return Verdict.NONE;
        }
        Map<String, Long> byType = decisions.stream()
                .collect(Collectors.groupingBy(StageWatcher.Seen::type, Collectors.counting()));
        boolean eachOnce = byType.values().stream().allMatch(n -> n == 1);
        boolean validMix = byType.size() == 1
                || (byType.size() == 2 && byType.containsKey("queued") && byType.containsKey("assigned"));
        return eachOnce && validMix ? Verdict.ONE : Verdict.MORE;
    }

    private void fileLatencies(SendLog.Sent sent, List<StageWatcher.Seen> seen, List<StageWatcher.Seen> decisions,
                               List<TicketStore.Row> rows) {
        long sentAt = sent.sentAtMillis();
        seen.stream().filter(s -> s.topic().equals(Topics.INTAKE_MESSAGES))
                .mapToLong(StageWatcher.Seen::timestampMillis).min()
                .ifPresent(at -> stages.intake().record((at - sentAt) * 1000, at));
        decisions.stream().mapToLong(StageWatcher.Seen::timestampMillis).min().ifPresent(at -> {
            stages.routed().record((at - sentAt) * 1000, at);
            timeline.latency("routed", sentAt, (at - sentAt) * 1000);
        });
        rows.stream().mapToLong(TicketStore.Row::storedAtMillis).min().ifPresent(at -> {
            stages.stored().record((at - sentAt) * 1000, at);
            timeline.latency("stored", sentAt, (at - sentAt) * 1000);
            timeline.count("stored", at);
        });
    }
}

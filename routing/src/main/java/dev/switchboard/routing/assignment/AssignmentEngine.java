package dev.switchboard.routing.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks the agent for a work item, or queues it. Plain Java, no I/O: the same inputs give the
 * same decision, which is what makes it testable and explainable.
 *
 * <p>A follow-up goes back to the agent who has the conversation if they are still eligible
 * (stickiness). Otherwise every eligible agent is scored: skill level weighs most, then free
 * capacity on that channel, then idle time; ties go to the agent id in alphabetical order.
 */
public final class AssignmentEngine {
    static final double SKILL_WEIGHT = 10;
    static final double FREE_CAPACITY_WEIGHT = 20;
    static final double IDLE_WEIGHT_PER_MINUTE = 1.0 / 6; // an hour idle is worth 10 points
    static final long IDLE_CAP_MINUTES = 60;
    private static final int CANDIDATES_SHOWN = 3;
    private static final int SHOWN_BY_NAME = 3;

    private AssignmentEngine() {
    }

    /**
     * @param stickyAgent the agent who holds this conversation now; their capacity already counts it,
     *                    so they are checked as if it were not there
     */
    public static AssignmentOutcome decide(WorkItem work, Collection<Agent> agents, AgentLoad load,
                                           Optional<String> stickyAgent, Instant now) {
        List<String> reasons = new ArrayList<>();
        reasons.add("needs " + describe(work));
        Eligibility.Moment moment = new Eligibility.Moment(now);
        if (stickyAgent.isPresent()) {
            Optional<Agent> holder = agents.stream().filter(a -> a.id().equals(stickyAgent.get())).findFirst();
            Optional<String> refusal = holder.isEmpty() ? Optional.of("is no longer an agent")
                    : Eligibility.check(holder.get(), work, load.without(holder.get().id(), work.channel()), moment);
            if (refusal.isEmpty()) {
                reasons.add("sticky: " + holder.get().id() + " already has this conversation");
                return new AssignmentOutcome.Assign(holder.get().id(), holder.get().team(), reasons, true);
            }
            reasons.add("sticky agent " + stickyAgent.get() + " cannot take it now: " + refusal.get());
        }
        // Refused agents grouped by the rule they failed, in the order first seen; the text of each reason
        // is written once the scan is over, and for a large group once (not 500 strings per decision).
        Map<Eligibility, List<Agent>> refused = new LinkedHashMap<>();
        // Each eligible agent scored once; only the best few are kept in order (no sort of 500 agents).
        List<Scored> best = new ArrayList<>(CANDIDATES_SHOWN + 1);
        int eligible = 0;
        for (Agent agent : agents) {
            Eligibility failed = Eligibility.firstFailed(agent, work, load, moment);
            if (failed != null) {
                refused.computeIfAbsent(failed, r -> new ArrayList<>()).add(agent);
                continue;
            }
            eligible++;
            keepBest(best, new Scored(agent, score(agent, work, load, now)));
        }
        if (!refused.isEmpty()) {
            reasons.add("not eligible: " + summarise(refused, work, load));
        }
        if (eligible == 0) {
            reasons.add("queued: no eligible agent with free capacity");
            return new AssignmentOutcome.Queue(reasons);
        }
        String shown = best.stream()
                .map(s -> explainScore(s.agent(), work, load, now))
                .collect(Collectors.joining("; "));
        reasons.add(eligible + " eligible; best: " + shown);
        Agent winner = best.get(0).agent();
        reasons.add("assigned to " + winner.id() + " (highest score)");
        return new AssignmentOutcome.Assign(winner.id(), winner.team(), reasons, false);
    }

    /** Highest score first; on a tie the agent id in alphabetical order. */
    private static final Comparator<Scored> RANKING = Comparator.comparingDouble((Scored s) -> -s.score())
            .thenComparing(s -> s.agent().id());

    /** Inserts {@code candidate} into the ranked list of at most {@link #CANDIDATES_SHOWN}. */
    private static void keepBest(List<Scored> best, Scored candidate) {
        int at = best.size();
        while (at > 0 && RANKING.compare(candidate, best.get(at - 1)) < 0) {
            at--;
        }
        if (at < CANDIDATES_SHOWN) {
            best.add(at, candidate);
            if (best.size() > CANDIDATES_SHOWN) {
                best.remove(CANDIDATES_SHOWN);
            }
        }
    }

    private record Scored(Agent agent, double score) {
    }

    static double score(Agent agent, WorkItem work, AgentLoad load, Instant now) {
        double skill = work.skill() == null ? 0 : agent.skillLevel(work.skill());
        int capacity = agent.capacityFor(work.channel());
        double free = capacity == 0 ? 0 : 1.0 - (double) load.active(agent.id(), work.channel()) / capacity;
        return SKILL_WEIGHT * skill + FREE_CAPACITY_WEIGHT * free + IDLE_WEIGHT_PER_MINUTE * idleMinutes(agent, load, now);
    }

    private static long idleMinutes(Agent agent, AgentLoad load, Instant now) {
        Instant last = load.lastAssignedAt(agent.id());
        if (last == null) {
            return IDLE_CAP_MINUTES;
        }
        return Math.min(IDLE_CAP_MINUTES, Math.max(0, Duration.between(last, now).toMinutes()));
    }

    /** "ann (skill network 4, load 1/5 whatsapp, idle 12 min, score 55.3)"; no String.format: three per decision. */
    private static String explainScore(Agent agent, WorkItem work, AgentLoad load, Instant now) {
        StringBuilder text = new StringBuilder(agent.id()).append(" (");
        if (work.skill() != null) {
            text.append("skill ").append(work.skill()).append(' ').append(agent.skillLevel(work.skill())).append(", ");
        }
        long tenths = Math.round(score(agent, work, load, now) * 10);
        return text.append("load ").append(load.active(agent.id(), work.channel())).append('/')
                .append(agent.capacityFor(work.channel())).append(' ').append(work.channel().id())
                .append(", idle ").append(idleMinutes(agent, load, now)).append(" min, score ")
                .append(tenths / 10).append('.').append(Math.abs(tenths % 10)).append(')').toString();
    }

    private static String describe(WorkItem work) {
        StringBuilder needs = new StringBuilder(work.channel().id()).append(", tier ").append(work.tier())
                .append(", priority ").append(work.priority().id());
        if (work.skill() != null) {
            needs.append(", skill ").append(work.skill()).append(" >= ").append(work.minSkillLevel());
        }
        if (work.product() != null) {
            needs.append(", product ").append(work.product());
        }
        if (work.language() != null) {
            needs.append(", language ").append(work.language());
        }
        return needs.toString();
    }

    /**
     * "ann at capacity (3/3 whatsapp); 12 agents offline; 40 agents at capacity on whatsapp": names
     * and exact reasons for up to three agents with the same reason, counts beyond.
     */
    private static String summarise(Map<Eligibility, List<Agent>> refused, WorkItem work, AgentLoad load) {
        List<String> parts = new ArrayList<>();
        refused.forEach((rule, group) -> {
            String common = group.size() > SHOWN_BY_NAME ? rule.reasonForMany(work) : null;
            if (common != null) {
                parts.add(group.size() + " agents " + common);
                return;
            }
            Map<String, List<String>> byReason = new LinkedHashMap<>();
            group.forEach(agent -> byReason.computeIfAbsent(rule.reason(agent, work, load), r -> new ArrayList<>())
                    .add(agent.id()));
            byReason.forEach((reason, ids) -> parts.add(ids.size() <= SHOWN_BY_NAME
                    ? String.join(", ", ids) + " " + reason
                    : ids.size() + " agents " + reason));
        });
        return String.join("; ", parts);
    }
}

package dev.switchboard.routing.assignment;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules an agent must pass to be offered a work item. Each names why it refuses, so that a
 * decision can say "bob: offline" instead of just not choosing bob.
 */
public enum Eligibility {
    NOT_DECLINED {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            return work.declinedBy().contains(agent.id()) ? Optional.of("let an earlier offer go unanswered")
                    : Optional.empty();
        }
    },
    ONLINE {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            return agent.presence() == Agent.Presence.ONLINE ? Optional.empty()
                    : Optional.of(agent.presence().name().toLowerCase(Locale.ROOT));
        }
    },
    ON_SCHEDULE {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            return agent.schedule().isWorking(now.in(agent.schedule().zone())) ? Optional.empty() : Optional.of("off schedule");
        }
    },
    HANDLES_CHANNEL {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            return agent.capacityFor(work.channel()) > 0 ? Optional.empty()
                    : Optional.of("does not handle " + work.channel().id());
        }
    },
    RIGHT_TIER {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            return agent.tier() == work.tier() ? Optional.empty() : Optional.of("not tier " + work.tier());
        }
    },
    HAS_SKILL {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            if (work.skill() == null || agent.skillLevel(work.skill()) >= work.minSkillLevel()) {
                return Optional.empty();
            }
            return Optional.of("skill " + work.skill() + " below " + work.minSkillLevel());
        }
    },
    SUPPORTS_PRODUCT {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            if (work.product() == null || agent.products().isEmpty() || agent.products().contains(work.product())) {
                return Optional.empty();
            }
            return Optional.of("does not support " + work.product());
        }
    },
    SPEAKS_LANGUAGE {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            if (work.language() == null || agent.languages().isEmpty() || agent.languages().contains(work.language())) {
                return Optional.empty();
            }
            return Optional.of("does not speak " + work.language());
        }
    },
    WITHIN_CAPACITY {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            int active = load.active(agent.id(), work.channel());
            return active < agent.capacityFor(work.channel()) ? Optional.empty()
                    : Optional.of("at capacity (" + active + "/" + agent.capacityFor(work.channel()) + " "
                    + work.channel().id() + ")");
        }
    };

    abstract Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Moment now);

    /** values() copies the array on every call: once per agent and message adds up. */
    private static final Eligibility[] RULES = values();

    /** The first rule the agent fails, or empty when the agent may take the work. */
    public static Optional<String> check(Agent agent, WorkItem work, AgentLoad load, Instant now) {
        return check(agent, work, load, new Moment(now));
    }

    static Optional<String> check(Agent agent, WorkItem work, AgentLoad load, Moment now) {
        for (Eligibility rule : RULES) {
            Optional<String> refusal = rule.refusal(agent, work, load, now);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** One instant and its local date and time per zone, computed once for all agents of that zone. */
    static final class Moment {
        private final Instant instant;
        private final Map<ZoneId, ZonedDateTime> local = new HashMap<>();

        Moment(Instant instant) {
            this.instant = instant;
        }

        ZonedDateTime in(ZoneId zone) {
            return local.computeIfAbsent(zone, instant::atZone);
        }
    }
}

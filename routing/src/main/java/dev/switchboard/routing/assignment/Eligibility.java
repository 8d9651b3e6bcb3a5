package dev.switchboard.routing.assignment;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules an agent must pass to be offered a work item. Each names why it refuses, so that a
 * decision can say "bob: offline" instead of just not choosing bob.
 */
public enum Eligibility {
    NOT_DECLINED {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Instant now) {
            return work.declinedBy().contains(agent.id()) ? Optional.of("let an earlier offer go unanswered")
                    : Optional.empty();
        }
    },
    ONLINE {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Instant now) {
            return agent.presence() == Agent.Presence.ONLINE ? Optional.empty()
                    : Optional.of(agent.presence().name().toLowerCase(Locale.ROOT));
        }
    },
    ON_SCHEDULE {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Instant now) {
            return agent.schedule().isWorking(now) ? Optional.empty() : Optional.of("off schedule");
        }
    },
    HANDLES_CHANNEL {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Instant now) {
            return agent.capacityFor(work.channel()) > 0 ? Optional.empty()
                    : Optional.of("does not handle " + work.channel().id());
        }
    },
    RIGHT_TIER {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Instant now) {
            return agent.tier() == work.tier() ? Optional.empty() : Optional.of("not tier " + work.tier());
        }
    },
    HAS_SKILL {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Instant now) {
            if (work.skill() == null || agent.skillLevel(work.skill()) >= work.minSkillLevel()) {
                return Optional.empty();
            }
            return Optional.of("skill " + work.skill() + " below " + work.minSkillLevel());
        }
    },
    SUPPORTS_PRODUCT {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Instant now) {
            if (work.product() == null || agent.products().isEmpty() || agent.products().contains(work.product())) {
                return Optional.empty();
            }
            return Optional.of("does not support " + work.product());
        }
    },
    SPEAKS_LANGUAGE {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Instant now) {
            if (work.language() == null || agent.languages().isEmpty() || agent.languages().contains(work.language())) {
                return Optional.empty();
            }
            return Optional.of("does not speak " + work.language());
        }
    },
    WITHIN_CAPACITY {
        @Override
        Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Instant now) {
            int active = load.active(agent.id(), work.channel());
            return active < agent.capacityFor(work.channel()) ? Optional.empty()
                    : Optional.of("at capacity (" + active + "/" + agent.capacityFor(work.channel()) + " "
                    + work.channel().id() + ")");
        }
    };

    abstract Optional<String> refusal(Agent agent, WorkItem work, AgentLoad load, Instant now);

    /** The first rule the agent fails, or empty when the agent may take the work. */
    public static Optional<String> check(Agent agent, WorkItem work, AgentLoad load, Instant now) {
        for (Eligibility rule : values()) {
            Optional<String> refusal = rule.refusal(agent, work, load, now);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }
}

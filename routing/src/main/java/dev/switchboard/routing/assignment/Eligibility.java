package dev.switchboard.routing.assignment;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rules an agent must pass to be offered a work item. Each names why it refuses, so that a
 * decision can say "bob: offline" instead of just not choosing bob.
 */
public enum Eligibility {
    NOT_DECLINED {
        @Override
        boolean allows(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            return !work.declinedBy().contains(agent.id());
        }

        @Override
        String reasonForMany(WorkItem work) {
            return "let an earlier offer go unanswered";
        }
    },
    ONLINE {
        @Override
        boolean allows(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            return agent.presence() == Agent.Presence.ONLINE;
        }

        @Override
        String reason(Agent agent, WorkItem work, AgentLoad load) {
            return agent.presence().label();
        }

        @Override
        String reasonForMany(WorkItem work) {
            return null; // "away" and "offline" are counted apart
        }
    },
    ON_SCHEDULE {
        @Override
        boolean allows(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            return now.isWorking(agent.schedule());
        }

        @Override
        String reasonForMany(WorkItem work) {
            return "off schedule";
        }
    },
    HANDLES_CHANNEL {
        @Override
        boolean allows(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            return agent.capacityFor(work.channel()) > 0;
        }

        @Override
        String reasonForMany(WorkItem work) {
            return "does not handle " + work.channel().id();
        }
    },
    RIGHT_TIER {
        @Override
        boolean allows(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            return agent.tier() == work.tier();
        }

        @Override
        String reasonForMany(WorkItem work) {
            return "not tier " + work.tier();
        }
    },
    HAS_SKILL {
        @Override
        boolean allows(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            return work.skill() == null || agent.skillLevel(work.skill()) >= work.minSkillLevel();
        }

        @Override
        String reasonForMany(WorkItem work) {
            return "skill " + work.skill() + " below " + work.minSkillLevel();
        }
    },
    SUPPORTS_PRODUCT {
        @Override
        boolean allows(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            return work.product() == null || agent.products().isEmpty() || agent.products().contains(work.product());
        }

        @Override
        String reasonForMany(WorkItem work) {
            return "does not support " + work.product();
        }
    },
    SPEAKS_LANGUAGE {
        @Override
        boolean allows(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            return work.language() == null || agent.languages().isEmpty() || agent.languages().contains(work.language());
        }

        @Override
        String reasonForMany(WorkItem work) {
            return "does not speak " + work.language();
        }
    },
    WITHIN_CAPACITY {
        @Override
        boolean allows(Agent agent, WorkItem work, AgentLoad load, Moment now) {
            return load.active(agent.id(), work.channel()) < agent.capacityFor(work.channel());
        }

        @Override
        String reason(Agent agent, WorkItem work, AgentLoad load) {
            return "at capacity (" + load.active(agent.id(), work.channel()) + "/" + agent.capacityFor(work.channel()) + " "
                    + work.channel().id() + ")";
        }

        @Override
        String reasonForMany(WorkItem work) {
            return "at capacity on " + work.channel().id();
        }
    };

    /** Whether the agent passes this rule; cheap, no text: it runs for every agent on every decision. */
    abstract boolean allows(Agent agent, WorkItem work, AgentLoad load, Moment now);

    /**
     * Why the agent fails this rule, e.g. "at capacity (3/3 whatsapp)"; only written for a decision's
     * explanation. Most rules' reason depends on the work alone: the same for every agent refused.
     */
    String reason(Agent agent, WorkItem work, AgentLoad load) {
        return reasonForMany(work);
    }

    /**
     * The reason for any number of agents refused by this rule, written once per decision; null when it
     * depends on the agent (then each agent's own reason is counted).
     */
    abstract String reasonForMany(WorkItem work);

    /** values() copies the array on every call: once per agent and message adds up. */
    private static final Eligibility[] RULES = values();

    /** The first rule the agent fails, or empty when the agent may take the work. */
    public static Optional<String> check(Agent agent, WorkItem work, AgentLoad load, Instant now) {
        return check(agent, work, load, new Moment(now));
    }

    static Optional<String> check(Agent agent, WorkItem work, AgentLoad load, Moment now) {
        Eligibility failed = firstFailed(agent, work, load, now);
        return failed == null ? Optional.empty() : Optional.of(failed.reason(agent, work, load));
    }

    /** The first rule the agent fails, or null when the agent may take the work. */
    static Eligibility firstFailed(Agent agent, WorkItem work, AgentLoad load, Moment now) {
        for (Eligibility rule : RULES) {
            if (!rule.allows(agent, work, load, now)) {
                return rule;
            }
        }
        return null;
    }

    /**
     * One instant, and whether each schedule is working then: asked once per schedule and decision,
     * since agents with the same hours share one instance ({@link WeeklySchedule#canonical()}).
     */
    static final class Moment {
        private final Instant instant;
        private final Map<WeeklySchedule, Boolean> working = new IdentityHashMap<>();
        // Agents of one team mostly share a schedule: the last one asked is checked before hashing.
        private WeeklySchedule lastSchedule;
        private boolean lastWorking;

        Moment(Instant instant) {
            this.instant = instant;
        }

        boolean isWorking(WeeklySchedule schedule) {
            if (schedule != lastSchedule) {
                lastWorking = working.computeIfAbsent(schedule, s -> s.isWorking(instant));
                lastSchedule = schedule;
            }
            return lastWorking;
        }
    }
}

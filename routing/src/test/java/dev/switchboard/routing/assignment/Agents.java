package dev.switchboard.routing.assignment;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A small support team for the engine's tests. */
final class Agents {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z"); // a Wednesday

    private Agents() {
    }

    static Agent agent(String id, Map<String, Integer> skills, Map<Channel, Integer> capacity) {
        return new Agent(id, id, "emea", 1, Agent.Presence.ONLINE, skills, Set.of(), Set.of(), capacity,
                WeeklySchedule.always(ZoneOffset.UTC));
    }

    static WorkItem work(Channel channel, Priority priority, String skill, int level) {
        return new WorkItem(UUID.randomUUID(), "conv-" + UUID.randomUUID(), channel, priority, skill, level, null, null,
                1, NOW.minusSeconds(30), null, Set.of());
    }
}

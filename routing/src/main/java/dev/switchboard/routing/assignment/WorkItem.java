package dev.switchboard.routing.assignment;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A conversation that needs an agent.
 *
 * @param skill         required skill, null when any agent will do
 * @param minSkillLevel the level the skill must have (widened while the work waits)
 * @param product       null when unknown
 * @param language      null when unknown
 * @param tier          support line it needs (1 unless escalated)
 * @param dueAt         SLA due time of the first response; orders equal priorities
 * @param declinedBy    agents who let an earlier offer of this work go unanswered
 */
public record WorkItem(
        UUID messageId,
        String conversationKey,
        Channel channel,
        Priority priority,
        String skill,
        int minSkillLevel,
        String product,
        String language,
        int tier,
        Instant receivedAt,
        Instant dueAt,
        Set<String> declinedBy) {

    /** Queue order: most urgent priority first, then the earliest SLA due time, then arrival. */
    public static final Comparator<WorkItem> URGENCY = Comparator
            .comparing(WorkItem::priority)
            .thenComparing(WorkItem::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(WorkItem::receivedAt)
            .thenComparing(WorkItem::messageId);

    public WorkItem {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(conversationKey, "conversationKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(receivedAt, "receivedAt");
        declinedBy = declinedBy == null ? Set.of() : Set.copyOf(declinedBy);
    }

    /** The same work one priority higher (an SLA was breached); critical stays critical. */
    public WorkItem raised() {
        Priority higher = priority.ordinal() == 0 ? priority : Priority.values()[priority.ordinal() - 1];
        return new WorkItem(messageId, conversationKey, channel, higher, skill, minSkillLevel, product, language,
                tier, receivedAt, dueAt, declinedBy);
    }

    /** The same work, offered again to anyone but {@code agentId}. */
    public WorkItem declinedBy(String agentId) {
        Set<String> declined = new HashSet<>(declinedBy);
        declined.add(agentId);
        return new WorkItem(messageId, conversationKey, channel, priority, skill, minSkillLevel, product, language,
                tier, receivedAt, dueAt, declined);
    }
}

package dev.switchboard.ticket.tickets;

import dev.switchboard.ticket.api.MessageView;
import dev.switchboard.ticket.api.QueueEntry;
import dev.switchboard.ticket.api.SlaView;
import dev.switchboard.ticket.api.TicketDetail;
import dev.switchboard.ticket.csat.CsatAnswer;
import dev.switchboard.ticket.sla.TicketSla;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Entities stay inside the service; the API speaks in these records. */
public final class TicketMapper {

    private TicketMapper() {
    }

    public static QueueEntry toQueueEntry(Ticket t) {
        return new QueueEntry(t.id, t.number, t.subject, t.status.id(), t.priority, t.channel, t.assignee,
                t.contactName, t.lastMessagePreview, t.messageCount, t.createdAt, t.updatedAt, sla(t));
    }

    /** @param csat the customer's answer to the survey, or null */
    public static TicketDetail toDetail(Ticket t, List<TicketMessage> messages, CsatAnswer csat) {
        return new TicketDetail(t.id, t.number, t.subject, t.status.id(), t.priority, t.channel, t.inbox,
                t.conversationKey, t.assignee, t.team, t.routingQueue,
                new TicketDetail.Contact(t.contactId, t.contactName, t.contactIdentity, t.plan, t.language),
                t.createdAt, t.updatedAt, t.version, t.tier, t.reopenCount, t.followUpOf,
                t.firstResponseAt, t.solvedAt, t.closedAt, sla(t),
                csat == null ? null : new TicketDetail.CsatView(csat.rating, csat.comment, csat.answeredAt, csat.channel),
                messages.stream().map(TicketMapper::toView).toList(),
                t.product, t.tags == null ? List.of() : List.of(t.tags), t.mergedInto);
    }

    /** A paused clock counts as stopped at the pause: waiting on the customer is no breach. */
    static SlaView sla(Ticket t) {
        Instant now = Instant.now();
        Instant resolved = t.solvedAt != null ? t.solvedAt : t.closedAt;
        Instant firstStop = t.firstResponseAt != null ? t.firstResponseAt : t.slaPausedAt;
        Instant resolutionStop = resolved != null ? resolved : t.slaPausedAt;
        return new SlaView(
                new SlaView.Clock(t.firstResponseDueAt, t.firstResponseAt,
                        t.firstResponseBreachedAt != null || TicketSla.breached(t.firstResponseDueAt, firstStop, now),
                        t.firstResponseWarnedAt),
                nextResponse(t, now),
                new SlaView.Clock(t.resolutionDueAt, resolved,
                        t.resolutionBreachedAt != null || TicketSla.breached(t.resolutionDueAt, resolutionStop, now),
                        t.resolutionWarnedAt),
                t.slaPausedAt != null);
    }

    /** Marks count only for the cycle they name: a new cycle starts unwarned and unbreached. */
    private static SlaView.Clock nextResponse(Ticket t, Instant now) {
        boolean current = t.nextResponseCycle > 0;
        Instant stop = t.nextResponseStoppedAt != null ? t.nextResponseStoppedAt : t.slaPausedAt;
        boolean breached = current && (t.nextResponseBreachedCycle == t.nextResponseCycle
                || TicketSla.breached(t.nextResponseDueAt, stop, now));
        Instant warnedAt = current && t.nextResponseWarnedCycle == t.nextResponseCycle ? t.nextResponseWarnedAt : null;
        return new SlaView.Clock(t.nextResponseDueAt, t.nextResponseStoppedAt, breached, warnedAt);
    }

    public static MessageView toView(TicketMessage m) {
        return new MessageView(m.id, m.direction.name().toLowerCase(Locale.ROOT), m.channel, m.providerMessageId,
                m.senderName, m.text, m.html, m.sentAt, m.receivedAt, m.duplicateOf, m.similarity,
                m.author, m.recipient,
                m.deliveryStatus == null ? null : m.deliveryStatus.name().toLowerCase(Locale.ROOT), m.deliveryError,
                m.automatic);
    }
}

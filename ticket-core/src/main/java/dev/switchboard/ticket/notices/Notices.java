package dev.switchboard.ticket.notices;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.outbound.OutboundMessage;
import dev.switchboard.ticket.csat.Surveys;
import dev.switchboard.ticket.outbox.Outbox;
import dev.switchboard.ticket.sla.TicketSla;
import dev.switchboard.ticket.tickets.Ticket;
import dev.switchboard.ticket.tickets.TicketMessage;
import dev.switchboard.ticket.tickets.TicketMessageRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Automatic notices to the customer: acknowledgement on creation, a note on escalation, the
 * solved notice with the satisfaction survey. Each leaves like an agent's reply (a message on the
 * ticket, marked automatic, and its {@code OutboundMessage} in the outbox) inside the transaction
 * of the change that caused it: the change and its notice commit together, or neither does.
 */
@ApplicationScoped
public class Notices {
    private static final Logger LOG = Logger.getLogger(Notices.class);

    private final NoticeConfig config;
    private final TicketMessageRepository messages;
    private final Outbox outbox;
    private final TicketSla sla;
    private final Surveys surveys;

    public Notices(NoticeConfig config, TicketMessageRepository messages, Outbox outbox, TicketSla sla, Surveys surveys) {
        this.config = config;
        this.messages = messages;
        this.outbox = outbox;
        this.sla = sla;
        this.surveys = surveys;
    }

    /** A notice ready to be written: the message on the ticket and what the channel is to send. */
    public record Composed(TicketMessage message, OutboundMessage outbound) {
    }

    /**
     * The acknowledgement of a new ticket, composed but not written: intake writes a whole batch's rows
     * together. Null when switched off or there is no customer address on the ticket's channel.
     *
     * @param answered provider id of the customer's message that opened the ticket
     */
    public Composed acknowledgement(Ticket ticket, String answered, Instant now) {
        if (!config.acknowledgement().enabled()) {
            return null;
        }
        String text = NoticeText.fill(config.acknowledgement().text(), Map.of(
                "number", Long.toString(ticket.number),
                "subject", nonNull(ticket.subject),
                "name", nonNull(ticket.contactName),
                "firstResponseDue", due(ticket, ticket.firstResponseDueAt),
                "resolutionDue", due(ticket, ticket.resolutionDueAt)));
        return compose(ticket, text, answered, now);
    }

    public Uni<Void> escalated(Ticket ticket, Instant now) {
        if (!config.escalation().enabled()) {
            return Uni.createFrom().voidItem();
        }
        String text = NoticeText.fill(config.escalation().text(), Map.of(
                "number", Long.toString(ticket.number),
                "subject", nonNull(ticket.subject),
                "name", nonNull(ticket.contactName),
                "tier", Integer.toString(ticket.tier),
                "resolutionDue", due(ticket, ticket.resolutionDueAt)));
        return lastInbound(ticket).chain(answered -> send(ticket, text, answered, now));
    }

    /** The solved notice opens a survey and carries its link; without the notice there is no survey. */
    public Uni<Void> solved(Ticket ticket, Instant now) {
        if (!config.solved().enabled() || ticket.recipient == null) {
            return Uni.createFrom().voidItem();
        }
        return surveys.open(ticket, now)
                .chain(token -> {
                    String text = NoticeText.fill(config.solved().text(), Map.of(
                            "number", Long.toString(ticket.number),
                            "subject", nonNull(ticket.subject),
                            "name", nonNull(ticket.contactName),
                            "surveyUrl", surveys.link(token)));
                    return lastInbound(ticket).chain(answered -> send(ticket, text, answered, now));
                });
    }

    private String due(Ticket ticket, Instant at) {
        return at == null ? "" : NoticeText.dueTime(at, ticket.language, config.defaultLanguage(),
                sla.clock().calendar().zone());
    }

    private Uni<String> lastInbound(Ticket ticket) {
        return messages.lastInbound(ticket.id, ticket.channel).map(m -> m == null ? null : m.providerMessageId);
    }

    private Uni<Void> send(Ticket ticket, String text, String inReplyTo, Instant now) {
        Composed notice = compose(ticket, text, inReplyTo, now);
        return notice == null ? Uni.createFrom().voidItem()
                : messages.persist(notice.message()).chain(() -> outbox.add(notice.outbound()));
    }

    private Composed compose(Ticket ticket, String text, String inReplyTo, Instant now) {
        if (ticket.recipient == null) {
            // No address on the ticket's channel (e.g. an anonymous chat visitor): nothing to send to.
            LOG.debugf("ticket %s: no customer address on %s, notice not sent", ticket.number, ticket.channel);
            return null;
        }
        TicketMessage notice = new TicketMessage();
        notice.id = UUID.randomUUID();
        notice.ticketId = ticket.id;
        notice.direction = TicketMessage.Direction.OUTBOUND;
        notice.automatic = true;
        notice.channel = ticket.channel;
        notice.senderName = config.senderName();
        notice.recipient = ticket.recipient;
        notice.text = text;
        notice.receivedAt = now;
        notice.storedAt = now;
        notice.deliveryStatus = TicketMessage.Delivery.QUEUED;
        notice.deliveryUpdatedAt = now;
        // No agent: a channel sends it like a reply, and nothing counts it as the agent's answer.
        OutboundMessage outbound = new OutboundMessage(notice.id, ticket.id, ticket.channel, ticket.inbox,
                ticket.conversationKey, ticket.recipient,
                ticket.channel == Channel.EMAIL ? "Re: " + ticket.subject : null, text, null, List.of(),
                inReplyTo, null, now);
        return new Composed(notice, outbound);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

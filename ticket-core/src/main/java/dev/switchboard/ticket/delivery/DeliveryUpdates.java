package dev.switchboard.ticket.delivery;

import dev.switchboard.contract.intake.DeliveryStatus;
import dev.switchboard.ticket.tickets.TicketMessage;
import dev.switchboard.ticket.tickets.TicketMessage.Delivery;
import dev.switchboard.ticket.tickets.TicketMessageRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Applies one provider status report to the outbound message it is about, in one transaction. */
@ApplicationScoped
public class DeliveryUpdates {
    private static final Logger LOG = Logger.getLogger(DeliveryUpdates.class);

    private final TicketMessageRepository messages;

    public DeliveryUpdates(TicketMessageRepository messages) {
        this.messages = messages;
    }

    /** The message's delivery afterwards; null when no outbound message has that provider id. */
    public Uni<Delivery> apply(DeliveryStatus status) {
        return Panache.withTransaction(() -> messages.outboundByProviderId(status.channel(), status.providerMessageId())
                .map(message -> message == null ? unknown(status) : update(message, status)));
    }

    private static Delivery update(TicketMessage message, DeliveryStatus status) {
        Delivery next = DeliveryProgress.next(message.deliveryStatus, status.state());
        if (next != message.deliveryStatus) {
            message.deliveryStatus = next;
            message.deliveryUpdatedAt = status.occurredAt() == null ? Instant.now() : status.occurredAt();
            if (next == Delivery.FAILED) {
                message.deliveryError = errorOf(status);
            }
            if (next == Delivery.SENT && message.sentAt == null) {
                message.sentAt = message.deliveryUpdatedAt;
            }
        }
        return next;
    }

    /** A report for a message we do not know (another system's, or one not yet linked): nothing to do. */
    private static Delivery unknown(DeliveryStatus status) {
        LOG.debugf("status %s for unknown %s message %s ignored", status.state(), status.channel().id(),
                status.providerMessageId());
        return null;
    }

    private static String errorOf(DeliveryStatus status) {
        String error = status.errorCode() == null ? "" : status.errorCode();
        if (status.errorTitle() != null) {
            error = error.isEmpty() ? status.errorTitle() : error + ": " + status.errorTitle();
        }
        return error.isEmpty() ? null : error.substring(0, Math.min(500, error.length()));
    }
}

package dev.switchboard.ticket.delivery;

import dev.switchboard.contract.intake.DeliveryStatus;
import dev.switchboard.ticket.tickets.TicketMessage.Delivery;

/**
 * Where a reply is after a provider's report. Reports arrive out of order, so a status never goes
 * backwards: queued &lt; sent &lt; delivered &lt; read. Failed replaces queued or sent only; once the
 * customer has the message (delivered, read) a failure report is stale. A late delivered or read
 * after failed wins, because the customer did get it.
 */
public final class DeliveryProgress {

    private DeliveryProgress() {
    }

    public static Delivery next(Delivery current, DeliveryStatus.State reported) {
        Delivery candidate = Delivery.valueOf(reported.name());
        if (current == null) {
            return candidate;
        }
        if (candidate == Delivery.FAILED) {
            return current == Delivery.QUEUED || current == Delivery.SENT ? Delivery.FAILED : current;
        }
        if (current == Delivery.FAILED) {
            return candidate == Delivery.DELIVERED || candidate == Delivery.READ ? candidate : current;
        }
        return rank(candidate) > rank(current) ? candidate : current;
    }

    private static int rank(Delivery delivery) {
        return switch (delivery) {
            case QUEUED -> 0;
            case SENT -> 1;
            case DELIVERED -> 2;
            case READ -> 3;
            case FAILED -> -1;
        };
    }
}

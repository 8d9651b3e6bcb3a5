package dev.switchboard.ticket.sla;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The default calendar and policy from {@code switchboard.sla.*}, parsed once at start. */
@ApplicationScoped
public class SlaProducer {

    // Singleton, not application scoped: a record is final and cannot be proxied.
    @Produces
    @Singleton
    TicketSla ticketSla(SlaConfig config) {
        return new TicketSla(new SlaClock(config.businessCalendar()), config.policy());
    }
}

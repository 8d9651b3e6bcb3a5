package dev.switchboard.ticket.sla;

/** The clocks an SLA runs; the id is what {@code TicketEvent.SlaBreached#target} carries. */
public enum SlaTarget {
    FIRST_RESPONSE("first-response"),
    NEXT_RESPONSE("next-response"),
    RESOLUTION("resolution");

    private final String id;

    SlaTarget(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}

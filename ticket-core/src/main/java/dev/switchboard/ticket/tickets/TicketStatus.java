package dev.switchboard.ticket.tickets;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where a ticket is in its workflow. The id is what the API shows and accepts. */
public enum TicketStatus {
    NEW, OPEN, PENDING, ON_HOLD, ESCALATED, SOLVED, CLOSED;

    /** The statuses an agent still has work on: the unified queue shows these. */
    public static final Set<TicketStatus> OPEN_STATUSES = EnumSet.of(NEW, OPEN, PENDING, ON_HOLD, ESCALATED);

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isOpen() {
        return OPEN_STATUSES.contains(this);
    }

    public static TicketStatus fromId(String id) {
        return Arrays.stream(values())
                .filter(s -> s.id().equalsIgnoreCase(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ticket status: " + id));
    }
}

package dev.switchboard.ticket.bulk;

import java.util.List;

/**
 * One action on many tickets.
 *
 * @param ids    ticket ids, at most {@link BulkActions#MAX_TICKETS}
 * @param action status, priority, assign, transfer, tag or untag
 * @param value  the new status, priority, agent id, team, or tag
 */
public record BulkRequest(List<String> ids, String action, String value) {
}

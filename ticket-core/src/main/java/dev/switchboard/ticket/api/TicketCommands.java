package dev.switchboard.ticket.api;

import java.util.List;

/** Request bodies of the agents' ticket commands. Checked by the services, answered 400 when wrong. */
public final class TicketCommands {

    private TicketCommands() {
    }

    /** @param channel optional channel id; defaults to the ticket's channel */
    public record Reply(String text, String channel) {
    }

    public record Note(String text) {
    }

    /** @param status a status id such as {@code pending} or {@code solved} */
    public record StatusChange(String status) {
    }

    public record Escalation(String reason) {
    }

    /**
     * @param agentId who takes the ticket; an agent may only name themselves
     * @param team optional: the team the ticket moves to (one of the caller's teams, any for an admin);
     *             absent keeps the ticket's team, or for a ticket without one, the caller's only team
     */
    public record Assignment(String agentId, String team) {
    }

    /** @param priority critical, high, medium or low */
    public record PriorityChange(String priority) {
    }
    /** @param agentId optional: who in the team holds it; without, it waits unassigned in the team's queue */
    public record Transfer(String team, String agentId) {
    }

    public record TagChange(List<String> add, List<String> remove) {
    }
}

package dev.switchboard.ticket.auth;

/**
 * The roles a token carries in its {@code groups} claim. An agent works the tickets of their teams;
 * a supervisor also re-prioritises, hands tickets to others and sees team-less (queued) tickets;
 * an admin does all of that for every team.
 */
public final class Roles {
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}

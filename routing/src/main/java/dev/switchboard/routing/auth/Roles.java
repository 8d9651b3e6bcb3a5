package dev.switchboard.routing.auth;

/**
 * Roles in a token's {@code groups} claim, the same as ticket-core's. Any of them reads routing's
 * API; supervisors and admins change agents, rules and merges; an agent sets their own presence.
 */
public final class Roles {
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}

package dev.switchboard.ticket.auth;

import java.util.Set;

/** Who is calling: the token's user name, roles and teams. */
public record Caller(String name, Set<String> roles, Set<String> teams) {

    public Caller {
        roles = Set.copyOf(roles);
        teams = Set.copyOf(teams);
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    /** Supervisors and admins lead work: they hand tickets to others and change priorities. */
    public boolean leads() {
        return isAdmin() || roles.contains(Roles.SUPERVISOR);
    }

    /**
     * Admin: every ticket. Supervisor: their teams, plus tickets no team holds yet, so that queued
     * work can be dispatched. Agent: their teams only.
     */
    public TeamScope scope() {
        if (isAdmin()) {
            return TeamScope.everything();
        }
        return new TeamScope(false, teams, leads());
    }
}

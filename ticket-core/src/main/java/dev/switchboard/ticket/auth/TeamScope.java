package dev.switchboard.ticket.auth;

import java.util.Set;

/**
 * Which tickets a caller may see and change: those of some teams, optionally those with no team
 * yet (queued, waiting for an agent), or every ticket.
 */
public record TeamScope(boolean everyTeam, Set<String> teams, boolean teamless) {

    public TeamScope {
        teams = Set.copyOf(teams);
    }

    public static TeamScope everything() {
        return new TeamScope(true, Set.of(), true);
    }

    public boolean covers(String team) {
        return everyTeam || (team == null ? teamless : teams.contains(team));
    }
}

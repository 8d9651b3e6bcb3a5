package dev.switchboard.routing.assignment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Assignment settings. Agents themselves live in the database and are managed over /api/agents. */
@ConfigMapping(prefix = "switchboard.routing")
public interface RoutingConfig {

    /** Agents created on first start when there are none (the embedded default's demo team). */
    List<String> agents();

    /** Team of the seeded agents. */
    @WithDefault("tier1")
    String team();

    /** Skills the seeded agents have, each at level 3. */
    @WithDefault("connectivity,software,hardware,account,billing")
    List<String> seedSkills();

    /** Every this long a queued item's required skill level drops by one. */
    @WithDefault("10m")
    Duration widenSkillAfter();

    /** How often queued work is re-examined even when no capacity event arrived. */
    @WithDefault("5s")
    Duration drainInterval();

    /** An assigned conversation the agent has not answered within this is offered to someone else. */
    @WithDefault("15m")
    Duration answerTimeout();

    /**
     * How often agents and their load are read again from the database, for what other routing
     * instances changed (read by {@link LoadSync}'s schedule).
     */
    @WithDefault("2s")
    Duration loadSync();

    /** After this long first-line work is escalated to tier 2. */
    @WithDefault("60m")
    Duration escalateAfter();
}

package dev.switchboard.routing.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How fast a rule change made through another routing instance reaches this one. */
@ConfigMapping(prefix = "switchboard.routing.rules")
public interface RulesConfig {

    /** Interval of {@link Classifier}'s revision check (one tiny query). */
    @WithDefault("30s")
    Duration refresh();
}

package dev.switchboard.routing.assignment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** The agents routing may assign to (a fixed roster until agents are managed over the API). */
@ConfigMapping(prefix = "switchboard.routing")
public interface RoutingConfig {

    /** Agent ids, e.g. {@code alice,bob,carol}. */
    List<String> agents();

    /** The team these agents form. */
    @WithDefault("tier1")
    String team();
}

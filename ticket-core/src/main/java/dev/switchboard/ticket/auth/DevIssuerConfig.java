package dev.switchboard.ticket.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code switchboard.auth.dev-issuer.*}: the embedded default's token endpoint. Off in production. */
@ConfigMapping(prefix = "switchboard.auth.dev-issuer")
public interface DevIssuerConfig {

    /** On in the embedded default; a real identity provider issues tokens in production. */
    @WithDefault("false")
    boolean enabled();

    /** {@code name:password:role|role:team|team, ...} */
    String users();

    @WithDefault("8h")
    Duration tokenLifetime();
}

package dev.switchboard.ticket.auth;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, read from the verified token. */
@ApplicationScoped
public class Callers {
    private final CurrentIdentityAssociation identities;
    private final String teamsClaim;

    public Callers(CurrentIdentityAssociation identities,
                   @ConfigProperty(name = "switchboard.auth.teams-claim", defaultValue = "teams") String teamsClaim) {
        this.identities = identities;
        this.teamsClaim = teamsClaim;
    }

    /** Deferred: authentication is lazy (proactive auth is off), so the identity may still be on its way. */
    public Uni<Caller> current() {
        return identities.getDeferredIdentity().map(this::of);
    }

    Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Caller("", Set.of(), Set.of());
        }
        Set<String> teams = identity.getPrincipal() instanceof JsonWebToken token
                ? strings(token.getClaim(teamsClaim))
                : Set.of();
        return new Caller(identity.getPrincipal().getName(), identity.getRoles(), teams);
    }

    /** A claim may arrive as a JSON array, a collection or one string; all become plain strings. */
    static Set<String> strings(Object claim) {
        Set<String> out = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(value -> add(out, value));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> add(out, value));
        } else if (claim != null) {
            add(out, claim);
        }
        return out;
    }

    private static void add(Set<String> out, Object value) {
        if (value instanceof JsonString string) {
            out.add(string.getString());
        } else if (value instanceof String string) {
            out.add(string);
        } else if (value != null && !(value instanceof JsonValue json && json.getValueType() == JsonValue.ValueType.NULL)) {
            out.add(value.toString());
        }
    }
}

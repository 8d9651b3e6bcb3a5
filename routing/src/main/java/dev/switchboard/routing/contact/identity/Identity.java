package dev.switchboard.routing.contact.identity;

import java.util.Comparator;
import java.util.Objects;

/**
 * One normalised way to reach a person: {@code email:ann@acme.com}, {@code phone:+32470123456},
 * {@code telegram:123456}. Build it with {@link Identities} so that the value is normalised.
 */
public record Identity(IdentityKind kind, String value) implements Comparable<Identity> {
    private static final Comparator<Identity> ORDER =
            Comparator.comparing(Identity::kind).thenComparing(Identity::value);

    public Identity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public int compareTo(Identity other) {
        return ORDER.compare(this, other);
    }

    /** As written in the API and in reasons: {@code kind:value}. */
    @Override
    public String toString() {
        return kind.id() + ":" + value;
    }
}

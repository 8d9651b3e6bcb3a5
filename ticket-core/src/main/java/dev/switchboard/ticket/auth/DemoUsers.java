package dev.switchboard.ticket.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The development issuer's users, from one configuration line:
 * {@code name:password:role|role:team|team, ...} (teams may be empty). Plain Java.
 */
public final class DemoUsers {

    public record DemoUser(String name, Set<String> roles, Set<String> teams) {
    }

    private record Entry(DemoUser user, byte[] passwordDigest) {
    }

    /** Compared against when the name is unknown, so an unknown name costs the same as a wrong password. */
    private static final byte[] NO_USER = sha256("\u0000no user\u0000");

    private final Map<String, Entry> users;

    private DemoUsers(Map<String, Entry> users) {
        this.users = users;
    }

    public static DemoUsers parse(String spec) {
        Map<String, Entry> users = new LinkedHashMap<>();
        for (String item : spec.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            String[] parts = item.strip().split(":", -1);
            if (parts.length != 4 || parts[0].isBlank() || parts[1].isEmpty() || parts[2].isBlank()) {
                throw new IllegalArgumentException("a demo user is name:password:roles:teams (roles and teams separated by |), got '"
                        + item.strip().replaceFirst(":[^:]*", ":***") + "'");
            }
            DemoUser user = new DemoUser(parts[0], list(parts[2]), list(parts[3]));
            users.put(user.name(), new Entry(user, sha256(parts[1])));
        }
        return new DemoUsers(users);
    }

    /**
     * The user when name and password match. Passwords are compared as SHA-256 digests with
     * {@link MessageDigest#isEqual}: equal length and constant time, so timing tells nothing.
     */
    public Optional<DemoUser> authenticate(String name, String password) {
        Entry entry = name == null ? null : users.get(name);
        byte[] given = sha256(password == null ? "" : password);
        boolean matches = MessageDigest.isEqual(entry == null ? NO_USER : entry.passwordDigest(), given);
        return entry != null && matches ? Optional.of(entry.user()) : Optional.empty();
    }

    public Set<String> names() {
        return users.keySet();
    }

    private static Set<String> list(String value) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(value.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return Set.copyOf(out);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

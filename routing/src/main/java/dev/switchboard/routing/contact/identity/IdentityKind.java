package dev.switchboard.routing.contact.identity;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of identity a contact can be known by. The id is how a kind is written ("phone:+32..."). */
public enum IdentityKind {
    EMAIL,
    PHONE,
    MESSENGER,
    INSTAGRAM,
    X,
    TELEGRAM,
    CHAT_VISITOR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IdentityKind fromId(String id) {
        String wanted = id.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(k -> k.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidIdentityException("unknown identity kind: " + id));
    }
}

package dev.switchboard.routing.dedup;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dedup key of a mail: its RFC 5322 Message-ID, which email adapters put in
 * {@code providerMessageId}. Two routes (IMAP and an SMTP forward) may write the same id
 * differently, so the key is normalised: whitespace (also from header folding) removed, angle
 * brackets kept (added when a route dropped them), the local part left as it is (it is
 * case-sensitive), the domain lower-cased (domains are not).
 */
public final class MessageIdKey {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private MessageIdKey() {
    }

    /** @return the key, or empty when the id is no {@code local@domain} Message-ID (a provider's own id) */
    public static Optional<String> of(String providerMessageId) {
        if (providerMessageId == null) {
            return Optional.empty();
        }
        String id = WHITESPACE.matcher(providerMessageId).replaceAll("");
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        int at = id.lastIndexOf('@');
        if (at <= 0 || at == id.length() - 1 || id.indexOf('<') >= 0 || id.indexOf('>') >= 0) {
            return Optional.empty();
        }
        return Optional.of("<" + id.substring(0, at) + "@" + id.substring(at + 1).toLowerCase(Locale.ROOT) + ">");
    }
}

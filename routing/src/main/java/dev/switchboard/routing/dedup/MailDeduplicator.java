package dev.switchboard.routing.dedup;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.intake.InboundMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Dedup kind (b): the same mail through two routes (IMAP and an SMTP forward) arrives as two
 * messages with different ids but one Message-ID. The first to commit its key in
 * {@code routing.seen_message_key} is the message; the other is a repeat of it.
 */
@ApplicationScoped
public class MailDeduplicator {
    static final String KIND = "email-message-id";

    /**
     * Records the message's key, in the caller's transaction, unless a message with another id
     * already holds it. Only channel EMAIL with a {@code local@domain} Message-ID is keyed.
     *
     * @return the id of the earlier message when this one is a repeat of it; empty otherwise
     */
    public Uni<Optional<UUID>> firstSeen(SqlConnection c, InboundMessage message) {
        if (message.channel() != Channel.EMAIL) {
            return Uni.createFrom().item(Optional.empty());
        }
        Optional<String> key = MessageIdKey.of(message.providerMessageId());
        if (key.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        // A concurrent transaction holding the same key makes this insert wait for its outcome.
        return c.preparedQuery("INSERT INTO routing.seen_message_key (kind, key, message_id) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (kind, key) DO NOTHING")
                .execute(Tuple.of(KIND, key.get(), message.id()))
                .chain(inserted -> inserted.rowCount() == 1
                        ? Uni.createFrom().item(Optional.<UUID>empty())
                        : holderOf(c, key.get()))
                // The same message again (kind (a), handled elsewhere) is no repeat of itself.
                .map(earlier -> earlier.filter(id -> !id.equals(message.id())));
    }

    private static Uni<Optional<UUID>> holderOf(SqlConnection c, String key) {
        return c.preparedQuery("SELECT message_id FROM routing.seen_message_key WHERE kind = $1 AND key = $2")
                .execute(Tuple.of(KIND, key))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(rows.iterator().next().getUUID("message_id"))
                        : Optional.empty());
    }
}

package dev.switchboard.routing.classify;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The language each conversation is in, set by its first message that had one (told by the channel or
 * detected with confidence) and kept for its follow-ups. Written with the decision (DecisionStore).
 */
@ApplicationScoped
public class ConversationLanguages {

    /** A conversation's language and the message that set it. */
    public record Spoken(String language, UUID setBy) {
    }

    /** The languages of those of the conversations that have one. */
    public Uni<Map<String, Spoken>> of(SqlConnection c, Collection<String> conversationKeys) {
        return c.preparedQuery("SELECT conversation_key, language, message_id FROM routing.conversation_language "
                        + "WHERE conversation_key = ANY($1)")
                .execute(Tuple.of(conversationKeys.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Spoken> spoken = new HashMap<>();
                    rows.forEach(row -> spoken.put(row.getString("conversation_key"), spoken(row)));
                    return spoken;
                });
    }

    public Uni<Optional<Spoken>> of(SqlConnection c, String conversationKey) {
        return c.preparedQuery("SELECT language, message_id FROM routing.conversation_language WHERE conversation_key = $1")
                .execute(Tuple.of(conversationKey))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(spoken(rows.iterator().next())) : Optional.empty());
    }

    private static Spoken spoken(Row row) {
        return new Spoken(row.getString("language"), row.getUUID("message_id"));
    }
}

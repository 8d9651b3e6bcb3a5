package dev.switchboard.routing.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.contract.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** routing.rule and its revision counter; every write bumps the revision in the same transaction. */
@ApplicationScoped
public class RuleRepository {
    private static final String COLUMNS = "id, name, enabled, position, conditions::text AS conditions, "
            + "actions::text AS actions";

    /** All rules at one revision. */
    public record Snapshot(long revision, List<Rule> rules) {
    }

    private final Pool pool;

    public RuleRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Long> revision() {
        return pool.query("SELECT revision FROM routing.rule_revision")
                .execute()
                .map(rows -> rows.iterator().next().getLong("revision"));
    }

    /** The rules and the revision they belong to, read in one transaction. */
    public Uni<Snapshot> snapshot() {
        return pool.withTransaction(c -> c.query("SELECT revision FROM routing.rule_revision")
                .execute()
                .map(rows -> rows.iterator().next().getLong("revision"))
                .chain(revision -> list(c)
                        .map(rules -> new Snapshot(revision, rules))));
    }

    public Uni<List<Rule>> list() {
        return pool.withConnection(this::list);
    }

    public Uni<Optional<Rule>> find(UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM routing.rule WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(toRule(rows.iterator().next())) : Optional.empty());
    }

    public Uni<Rule> create(Rule rule) {
        Rule stored = rule.withId(UUID.randomUUID());
        return pool.withTransaction(c -> c.preparedQuery("INSERT INTO routing.rule "
                                + "(id, name, enabled, position, conditions, actions) VALUES ($1, $2, $3, $4, $5, $6)")
                        .execute(values(stored))
                        .chain(() -> bump(c)))
                .replaceWith(stored);
    }

    /** @return empty when there is no rule with that id */
    public Uni<Optional<Rule>> update(Rule rule) {
        return pool.withTransaction(c -> c.preparedQuery("UPDATE routing.rule SET name = $2, enabled = $3, "
                                + "position = $4, conditions = $5, actions = $6, updated_at = now() WHERE id = $1")
                        .execute(values(rule))
                        .chain(result -> result.rowCount() == 0
                                ? Uni.createFrom().item(Optional.<Rule>empty())
                                : bump(c).replaceWith(Optional.of(rule))));
    }

    /** @return false when there was no rule with that id */
    public Uni<Boolean> delete(UUID id) {
        return pool.withTransaction(c -> c.preparedQuery("DELETE FROM routing.rule WHERE id = $1")
                .execute(Tuple.of(id))
                .chain(result -> result.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : bump(c).replaceWith(true)));
    }

    private Uni<List<Rule>> list(SqlConnection c) {
        return c.query("SELECT " + COLUMNS + " FROM routing.rule ORDER BY position, name, id")
                .execute()
                .map(rows -> {
                    List<Rule> rules = new ArrayList<>();
                    rows.forEach(row -> rules.add(toRule(row)));
                    return rules;
                });
    }

    private static Uni<Void> bump(SqlConnection c) {
        return c.query("UPDATE routing.rule_revision SET revision = revision + 1")
                .execute()
                .replaceWithVoid();
    }

    private static Tuple values(Rule rule) {
        return Tuple.tuple()
                .addUUID(rule.id())
                .addString(rule.name().trim())
                .addBoolean(rule.enabled())
                .addInteger(rule.order())
                .addValue(new JsonObject(write(rule.when())))
                .addValue(new JsonObject(write(rule.then())));
    }

    private static Rule toRule(Row row) {
        return new Rule(row.getUUID("id"), row.getString("name"), row.getBoolean("enabled"), row.getInteger("position"),
                read(row.getString("conditions"), Rule.Conditions.class), read(row.getString("actions"), Rule.Actions.class));
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value, e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule is not readable: " + json, e);
        }
    }
}

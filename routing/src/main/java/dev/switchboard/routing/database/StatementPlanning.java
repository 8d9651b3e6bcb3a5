package dev.switchboard.routing.database;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The reactive pool as Quarkus configures it, with two changes, so that PostgreSQL plans each of routing's
 * statements once per connection instead of once per batch:
 * <ul>
 *   <li>statements up to {@link #SQL_LIMIT} characters stay prepared: Vert.x keeps only those up to 2,048
 *       (Quarkus has no setting for it), and the one that stores a batch's decisions is longer;</li>
 *   <li>{@code plan_cache_mode=force_generic_plan}: with their array parameters, three batch reads were
 *       given a fresh custom plan on every execution. Every routing statement has a plan that does not
 *       depend on its values (partial indexes' predicates are constants in the queries).</li>
 * </ul>
 * Quarkus's own pool rotates the servers through a supplier, which also serves a credentials provider;
 * routing uses neither, so the fixed list is the same pool.
 */
@Singleton
public class StatementPlanning implements PgPoolCreator {
    static final int SQL_LIMIT = 16_384;

    @Override
    @SuppressWarnings("deprecation") // Quarkus expects a PgPool back; PgBuilder builds a plain Pool
    public Pool create(Input input) {
        List<PgConnectOptions> servers = input.pgConnectOptionsList();
        servers.forEach(server -> server.setPreparedStatementCacheSqlLimit(SQL_LIMIT)
                .addProperty("plan_cache_mode", "force_generic_plan"));
        return PgPool.pool(input.vertx(), servers, input.poolOptions());
    }
}

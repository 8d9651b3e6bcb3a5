package dev.switchboard.routing.database;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The reactive pool as Quarkus configures it, with one change: statements up to
 * {@link #SQL_LIMIT} characters are kept prepared on each connection. Vert.x keeps only those up to
 * 2,048 (Quarkus has no setting for it), and the statement that stores a batch's decisions is longer:
 * PostgreSQL parsed and planned it again for every batch, the costliest part of a small one.
 */
@Singleton
public class PreparedStatementLimit implements PgPoolCreator {
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

package dev.switchboard.bench.measure;

import dev.switchboard.devkit.infra.Endpoints;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads ticket-core's stored messages of one run (by the run's provider id prefix) over JDBC: the
 * last stage, read from the database itself rather than inferred from events.
 */
public final class TicketStore {
    /** A stored message row: when ticket-core committed it. */
    public record Row(String providerMessageId, long storedAtMillis) {
    }

    private final Endpoints endpoints;
    private final String providerIdPattern;

    /** @param providerIdPrefix every provider message id of the run starts with it */
    public TicketStore(Endpoints endpoints, String providerIdPrefix) {
        this.endpoints = endpoints;
        this.providerIdPattern = providerIdPrefix.replace("_", "\\_").replace("%", "\\%") + "%";
    }

    public long count() {
        return query("select count(*) from ticket.message where provider_message_id like ?", rs -> rs.getLong(1))
                .get(0);
    }

    /** Every stored row of the run, grouped by provider message id (more than one row = doubled). */
    public Map<String, List<Row>> rows() {
        Map<String, List<Row>> rows = new HashMap<>();
        query("select provider_message_id, stored_at from ticket.message where provider_message_id like ?",
                rs -> new Row(rs.getString(1), rs.getTimestamp(2).getTime()))
                .forEach(row -> rows.computeIfAbsent(row.providerMessageId(), k -> new ArrayList<>()).add(row));
        return rows;
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper) {
        try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(),
                endpoints.dbPassword());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, providerIdPattern);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read ticket.message: " + e.getMessage(), e);
        }
    }
}

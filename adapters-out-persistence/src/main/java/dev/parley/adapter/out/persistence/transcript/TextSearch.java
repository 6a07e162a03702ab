package dev.parley.adapter.out.persistence.transcript;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The "text contains these words" condition on a {@code full_text} column. PostgreSQL: full-text
 * search ({@code to_tsvector('english', full_text) @@ plainto_tsquery('english', ?)}, served by the
 * GIN indexes of V31, with stemming: "booking" finds "booked"). H2: every word as a case-insensitive
 * substring. The database is recognised once, from the connection's metadata.
 */
@Singleton
class TextSearch {
    private static final int MAX_WORDS = 10;
    private final ConnectionOperations<Connection> connections;
    private volatile Boolean postgres;

    TextSearch(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = connections.executeRead(status -> {
                try {
                    return "PostgreSQL".equalsIgnoreCase(status.getConnection().getMetaData().getDatabaseProductName());
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not read the database product", e);
                }
            });
            postgres = known;
        }
        return known;
    }

    /** Appends {@code AND …} conditions for the query (nothing when blank) and their parameters. */
    void where(StringBuilder sql, List<Object> params, String query) {
        if (query == null || query.isBlank()) return;
        if (isPostgres()) {
            sql.append(" AND to_tsvector('english', full_text) @@ plainto_tsquery('english', ?)");
            params.add(query.strip());
            return;
        }
        List<String> words = Arrays.stream(query.toLowerCase(Locale.ROOT).split("[\\s\\p{Punct}]+"))
                .filter(w -> !w.isBlank()).distinct().limit(MAX_WORDS).toList();
        for (String word : words) {
            sql.append(" AND LOWER(full_text) LIKE ? ESCAPE '!'");
            params.add("%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
    }

    /**
     * The page query. On PostgreSQL a search first collects every match through the indexes (the
     * {@code OFFSET 0} keeps the planner from walking the date index instead and computing
     * {@code to_tsvector} row by row until the page is full, which costs most when matches are
     * few), then sorts that set.
     */
    String pageQuery(String columns, String where, String orderBy, String query) {
        if (query != null && !query.isBlank() && isPostgres())
            return "SELECT * FROM (SELECT " + columns + where + " OFFSET 0) hits ORDER BY " + orderBy + " LIMIT ? OFFSET ?";
        return "SELECT " + columns + where + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?";
    }

    static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) statement.setObject(i + 1, params.get(i));
    }

    static List<Object> params(Object... first) {
        return new ArrayList<>(List.of(first));
    }
}

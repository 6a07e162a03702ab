package dev.parley.adapter.out.persistence.schedule;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The pace shared by every instance on one database: the next free slot is a row
 * ({@code dial_pace}), taken under its row lock in a short transaction of its own.
 */
final class JdbcDialPace extends SlotPace {
    private final TransactionOperations<Connection> transactions;
    private final Duration interval;
    private final String name;

    JdbcDialPace(Clock clock, TransactionOperations<Connection> transactions, Duration interval, String name) {
        super(clock);
        this.transactions = transactions;
        this.interval = interval;
        this.name = name;
    }

    @Override
    Instant reserve(Instant now) {
        return transactions.executeWrite(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement select = c.prepareStatement("SELECT next_slot FROM dial_pace WHERE name = ? FOR UPDATE")) {
                select.setString(1, name);
                Instant next;
                try (ResultSet rs = select.executeQuery()) {
                    next = rs.next() ? rs.getTimestamp(1).toInstant() : Instant.EPOCH;
                }
                Instant slot = next.isAfter(now) ? next : now;
                try (PreparedStatement update = c.prepareStatement("UPDATE dial_pace SET next_slot = ? WHERE name = ?")) {
                    update.setTimestamp(1, Timestamp.from(slot.plus(interval)));
                    update.setString(2, name);
                    update.executeUpdate();
                }
                return slot;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not take a dialling slot", e);
            }
        });
    }
}

package dev.parley.adapter.out.persistence.calendar;

import dev.parley.adapter.out.persistence.shared.TenantRowLock;
import dev.parley.adapter.out.persistence.shared.UniqueViolations;
import dev.parley.application.calendar.port.out.SlotHolds;
import dev.parley.domain.calendar.TimeRange;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Slot holds in {@code calendar_bookings}. Holding locks the tenant's {@code users} row first, so two
 * holds of one tenant take turns and the overlap check sees the other's row (PostgreSQL and H2 alike);
 * the unique (tenant, start) constraint backs it up.
 */
@Singleton
class JdbcSlotHolds implements SlotHolds {
    private static final String LIVE = "(status = 'booked' OR created_at >= ?)";
    private final ConnectionOperations<Connection> connections;
    private final TenantRowLock tenantLock;

    JdbcSlotHolds(ConnectionOperations<Connection> connections, TenantRowLock tenantLock) {
        this.connections = connections;
        this.tenantLock = tenantLock;
    }

    @Override
    public Optional<Long> hold(TenantId tenant, TimeRange when, CallId call, Instant now, Instant staleBefore) {
        if (!tenantLock.lock(tenant.value())) return Optional.empty();
        return Sql.run(connections, "hold a calendar slot", c -> {
            try (PreparedStatement stale = c.prepareStatement("DELETE FROM calendar_bookings WHERE tenant_id = ? AND status = 'held' "
                    + "AND created_at < ?")) {
                stale.setLong(1, tenant.value());
                Sql.instant(stale, 2, staleBefore);
                stale.executeUpdate();
            }
            try (PreparedStatement overlap = c.prepareStatement("SELECT 1 FROM calendar_bookings WHERE tenant_id = ? AND ends_at > ? "
                    + "AND starts_at < ? AND " + LIVE)) {
                overlap.setLong(1, tenant.value());
                Sql.instant(overlap, 2, when.start());
                Sql.instant(overlap, 3, when.end());
                Sql.instant(overlap, 4, staleBefore);
                try (ResultSet rs = overlap.executeQuery()) {
                    if (rs.next()) return Optional.<Long>empty();
                }
            }
            Savepoint beforeInsert = c.setSavepoint();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO calendar_bookings (tenant_id, starts_at, ends_at, call_id, "
                    + "status, created_at) VALUES (?, ?, ?, ?, 'held', ?)", new String[]{"id"})) {
                insert.setLong(1, tenant.value());
                Sql.instant(insert, 2, when.start());
                Sql.instant(insert, 3, when.end());
                if (call == null) insert.setNull(4, Types.BIGINT);
                else insert.setLong(4, call.value());
                Sql.instant(insert, 5, now);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return Optional.of(keys.getLong(1));
                }
            } catch (java.sql.SQLException failed) {
                if (!UniqueViolations.isUniqueViolation(failed)) throw failed;
                c.rollback(beforeInsert);
                return Optional.<Long>empty();
            }
        });
    }

    @Override
    public void confirm(long hold, String eventId) {
        Sql.run(connections, "confirm a calendar booking", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE calendar_bookings SET status = 'booked', event_id = ? WHERE id = ?")) {
                s.setString(1, eventId);
                s.setLong(2, hold);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void release(long hold) {
        Sql.run(connections, "release a calendar slot", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM calendar_bookings WHERE id = ? AND status = 'held'")) {
                s.setLong(1, hold);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<TimeRange> taken(TenantId tenant, TimeRange range, Instant staleBefore) {
        return Sql.run(connections, "read calendar bookings", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT starts_at, ends_at FROM calendar_bookings WHERE tenant_id = ? "
                    + "AND ends_at > ? AND starts_at < ? AND " + LIVE + " ORDER BY starts_at")) {
                s.setLong(1, tenant.value());
                Sql.instant(s, 2, range.start());
                Sql.instant(s, 3, range.end());
                Sql.instant(s, 4, staleBefore);
                List<TimeRange> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) out.add(new TimeRange(Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at")));
                }
                return out;
            }
        });
    }

    @Override
    public Optional<BookedMeeting> bookedBy(TenantId tenant, CallId call) {
        return Sql.run(connections, "read the call's booking", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT event_id, starts_at, ends_at FROM calendar_bookings WHERE tenant_id = ? "
                    + "AND call_id = ? AND status = 'booked' ORDER BY id DESC")) {
                s.setLong(1, tenant.value());
                s.setLong(2, call.value());
                s.setMaxRows(1);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) return Optional.<BookedMeeting>empty();
                    return Optional.of(new BookedMeeting(rs.getString("event_id"),
                            new TimeRange(Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"))));
                }
            }
        });
    }
}

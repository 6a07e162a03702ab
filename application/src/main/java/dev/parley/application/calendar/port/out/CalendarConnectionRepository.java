package dev.parley.application.calendar.port.out;

import dev.parley.domain.calendar.CalendarConnection;
import dev.parley.domain.shared.TenantId;

import java.util.Optional;

/** Stores each tenant's calendar connection, tokens encrypted at rest. */
public interface CalendarConnectionRepository {
    Optional<CalendarConnection> find(TenantId tenant);

    /** Inserts or replaces the tenant's connection. */
    void save(CalendarConnection connection);

    /** Answers whether there was one. */
    boolean delete(TenantId tenant);
}

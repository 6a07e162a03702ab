package dev.parley.application.calendar.port.in;

import dev.parley.domain.calendar.TimeRange;
import dev.parley.domain.shared.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Free slots of a given length inside the tenant's working hours, none in the past, none overlapping anything busy. */
public interface FindSlotsUseCase {
    List<TimeRange> find(FindSlotsQuery query);

    /**
     * @param from null: now
     * @param to   null: seven days after {@code from}
     */
    record FindSlotsQuery(TenantId tenant, Duration length, Instant from, Instant to, int maxResults) {
    }
}

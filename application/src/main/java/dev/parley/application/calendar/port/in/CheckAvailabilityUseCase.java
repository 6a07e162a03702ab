package dev.parley.application.calendar.port.in;

import dev.parley.domain.calendar.TimeRange;
import dev.parley.domain.shared.TenantId;

import java.util.List;

/** Whether the tenant is free for a stretch of time, and what is busy in it. */
public interface CheckAvailabilityUseCase {
    Availability check(TenantId tenant, TimeRange range);

    record Availability(boolean available, List<TimeRange> busy) {
    }
}

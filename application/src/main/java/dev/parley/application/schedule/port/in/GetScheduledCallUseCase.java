package dev.parley.application.schedule.port.in;

import dev.parley.domain.schedule.ScheduledCallId;
import dev.parley.domain.shared.TenantId;

/** One of the tenant's scheduled calls. */
public interface GetScheduledCallUseCase {
    ScheduledCallView get(TenantId tenant, ScheduledCallId id);
}

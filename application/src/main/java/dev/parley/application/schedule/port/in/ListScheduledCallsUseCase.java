package dev.parley.application.schedule.port.in;

import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.domain.schedule.ScheduleStatus;
import dev.parley.domain.shared.TenantId;

/** The tenant's scheduled calls, newest first, optionally of one status. */
public interface ListScheduledCallsUseCase {
    /** @param status null for all */
    Page<ScheduledCallView> list(TenantId tenant, ScheduleStatus status, PageRequest page);
}

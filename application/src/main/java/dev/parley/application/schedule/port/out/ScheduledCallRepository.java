package dev.parley.application.schedule.port.out;

import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.domain.schedule.ScheduleStatus;
import dev.parley.domain.schedule.ScheduledCall;
import dev.parley.domain.schedule.ScheduledCallId;
import dev.parley.domain.shared.TenantId;

import java.util.Optional;

/** Stores scheduled calls. */
public interface ScheduledCallRepository {
    ScheduledCallId nextId();

    void add(ScheduledCall call);

    void update(ScheduledCall call);

    Optional<ScheduledCall> find(TenantId tenant, ScheduledCallId id);

    /** Locks the row until the transaction ends; the scheduler's read, not tenant-scoped. */
    Optional<ScheduledCall> findForUpdate(ScheduledCallId id);

    /** Newest first; {@code status} null for all. */
    Page<ScheduledCall> list(TenantId tenant, ScheduleStatus status, PageRequest page);
}

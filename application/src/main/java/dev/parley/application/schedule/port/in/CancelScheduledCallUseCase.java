package dev.parley.application.schedule.port.in;

import dev.parley.domain.schedule.ScheduledCallId;
import dev.parley.domain.shared.TenantId;

/** Cancels a pending scheduled call; a conflict once it is being placed or done. */
public interface CancelScheduledCallUseCase {
    ScheduledCallView cancel(TenantId tenant, ScheduledCallId id);
}

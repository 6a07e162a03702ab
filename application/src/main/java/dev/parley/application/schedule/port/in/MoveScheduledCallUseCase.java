package dev.parley.application.schedule.port.in;

import dev.parley.domain.schedule.ScheduledCallId;
import dev.parley.domain.shared.TenantId;

import java.time.Instant;

/** Moves a pending scheduled call to another time; a conflict once it is being placed or done. */
public interface MoveScheduledCallUseCase {
    ScheduledCallView move(TenantId tenant, ScheduledCallId id, Instant at);
}

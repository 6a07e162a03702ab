package dev.parley.application.schedule.port.in;

import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;

import java.time.Instant;

/** Books a call for later: a number, a scenario (built-in name or the tenant's custom id) and a time. */
public interface ScheduleCallUseCase {
    ScheduledCallView schedule(ScheduleCallCommand command);

    record ScheduleCallCommand(TenantId tenant, PhoneNumber to, String scenarioRef, Instant at) {
    }
}

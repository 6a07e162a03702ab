package dev.parley.application.calendar.port.in;

import dev.parley.application.call.port.in.PlaceOutboundCallUseCase.PlacedCall;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;

/** Calls someone with the calendar-aware assistant, which knows the tenant's free slots and can book one. */
public interface PlaceCalendarCallUseCase {
    PlacedCall place(TenantId tenant, PhoneNumber to);
}

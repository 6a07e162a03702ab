package dev.parley.application.calendar.service;

import dev.parley.application.calendar.port.in.PlaceCalendarCallUseCase;
import dev.parley.application.call.port.in.PlaceOutboundCallUseCase;
import dev.parley.application.call.port.in.PlaceOutboundCallUseCase.PlaceOutboundCallCommand;
import dev.parley.application.call.port.in.PlaceOutboundCallUseCase.PlacedCall;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;

/** Places a calendar-aware call once the tenant's calendar is known to be usable. */
public final class PlaceCalendarCallService implements PlaceCalendarCallUseCase {
    private final CalendarAccess access;
    private final PlaceOutboundCallUseCase calls;

    public PlaceCalendarCallService(CalendarAccess access, PlaceOutboundCallUseCase calls) {
        this.access = access;
        this.calls = calls;
    }

    @Override
    public PlacedCall place(TenantId tenant, PhoneNumber to) {
        access.usableConnection(tenant);
        return calls.place(new PlaceOutboundCallCommand(tenant, to, CalendarScenario.REF));
    }
}

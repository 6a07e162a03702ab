package dev.parley.application.calendar.port.in;

import dev.parley.application.calendar.port.out.SlotHolds.BookedMeeting;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

import java.util.Optional;

/** The meeting a call booked, if it booked one. */
public interface FindCallBookingUseCase {
    Optional<BookedMeeting> bookedBy(TenantId tenant, CallId call);
}

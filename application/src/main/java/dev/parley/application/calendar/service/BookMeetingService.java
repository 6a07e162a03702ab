package dev.parley.application.calendar.service;

import dev.parley.application.calendar.port.in.BookMeetingUseCase;
import dev.parley.application.calendar.port.in.FindSlotsUseCase.FindSlotsQuery;
import dev.parley.application.calendar.port.out.ExternalCalendar;
import dev.parley.application.calendar.port.out.NewEvent;
import dev.parley.application.calendar.port.out.SlotHolds;
import dev.parley.application.calendar.port.out.TenantWorkingHours;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.calendar.FreeSlots;
import dev.parley.domain.calendar.TimeRange;
import dev.parley.domain.calendar.WorkingHours;
import dev.parley.domain.shared.InvalidValueException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Books without double booking: (1) the slot is held in our database, where a second hold of any
 * overlapping time of the same tenant is refused; (2) Google's free/busy is checked again; (3) the event
 * is inserted and the hold confirmed with its id. Any failure after (1) releases the hold.
 */
public final class BookMeetingService implements BookMeetingUseCase {
    private static final int ALTERNATIVES = 3;
    private final CalendarAccess access;
    private final ExternalCalendar calendar;
    private final SlotHolds holds;
    private final TenantWorkingHours hours;
    private final CalendarQueryService queries;
    private final Transactions transactions;
    private final Clock clock;
    private final CalendarPolicy policy;

    public BookMeetingService(CalendarAccess access, ExternalCalendar calendar, SlotHolds holds, TenantWorkingHours hours,
                              CalendarQueryService queries, Transactions transactions, Clock clock, CalendarPolicy policy) {
        this.access = access;
        this.calendar = calendar;
        this.holds = holds;
        this.hours = hours;
        this.queries = queries;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public BookingOutcome book(BookMeetingCommand command) {
        FreeSlots.checkLength(command.length());
        if (command.start() == null) throw new InvalidValueException("start", "booking.start", "start is required");
        TimeRange when = TimeRange.of(command.start(), command.length());
        access.usableConnection(command.tenant());
        Instant now = clock.instant();
        if (when.start().isBefore(now)) return unavailable("past", command);
        WorkingHours working = hours.of(command.tenant());
        if (!FreeSlots.isFree(working, List.of(), when)) return unavailable("outside_hours", command);

        Optional<Long> hold = transactions.inTransaction(() ->
                holds.hold(command.tenant(), when, command.call(), now, now.minus(policy.holdLifetime())));
        if (hold.isEmpty()) return unavailable("taken", command);
        long held = hold.get();
        try {
            List<TimeRange> busy = access.withToken(command.tenant(), token -> calendar.busy(token, when));
            if (busy.stream().anyMatch(when::overlaps)) {
                release(held);
                return unavailable("busy", command);
            }
            String eventId = access.withToken(command.tenant(), token -> calendar.insert(token, event(command, when, working, held)));
            transactions.inTransaction(() -> {
                holds.confirm(held, eventId);
                return null;
            });
            return new BookingOutcome.Booked(eventId, when);
        } catch (RuntimeException failed) {
            release(held);
            throw failed;
        }
    }

    private void release(long held) {
        transactions.inTransaction(() -> {
            holds.release(held);
            return null;
        });
    }

    private static NewEvent event(BookMeetingCommand command, TimeRange when, WorkingHours working, long held) {
        String name = command.attendeeName() == null || command.attendeeName().isBlank() ? "caller" : command.attendeeName().strip();
        StringBuilder description = new StringBuilder("Booked by the Parley phone assistant");
        if (command.call() != null) description.append(" during call ").append(command.call().value());
        description.append('.');
        if (command.notes() != null && !command.notes().isBlank()) description.append("\n\n").append(command.notes().strip());
        return new NewEvent("Meeting with " + name, description.toString(), when, working.zone(), "parley-" + held);
    }

    private BookingOutcome unavailable(String reason, BookMeetingCommand command) {
        List<TimeRange> alternatives;
        try {
            Instant from = command.start().minus(Duration.ofHours(2));
            alternatives = queries.find(new FindSlotsQuery(command.tenant(), command.length(), from, null, ALTERNATIVES));
        } catch (RuntimeException noAlternatives) {
            alternatives = List.of();
        }
        return new BookingOutcome.Unavailable(reason, alternatives);
    }
}

package dev.parley.application.calendar.service;

import dev.parley.application.calendar.port.in.CheckAvailabilityUseCase;
import dev.parley.application.calendar.port.in.FindCallBookingUseCase;
import dev.parley.application.calendar.port.in.FindSlotsUseCase;
import dev.parley.application.calendar.port.in.ListCalendarEventsUseCase;
import dev.parley.application.calendar.port.out.CalendarEvent;
import dev.parley.application.calendar.port.out.ExternalCalendar;
import dev.parley.application.calendar.port.out.SlotHolds;
import dev.parley.application.calendar.port.out.TenantWorkingHours;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.calendar.FreeSlots;
import dev.parley.domain.calendar.TimeRange;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reading the tenant's calendar: events, free/busy (ours and Google's), free slots, the meeting a call booked. */
public final class CalendarQueryService implements ListCalendarEventsUseCase, CheckAvailabilityUseCase, FindSlotsUseCase,
        FindCallBookingUseCase {
    /** Longest stretch one availability or slot question may cover. */
    static final Duration LONGEST_RANGE = Duration.ofDays(31);
    private final CalendarAccess access;
    private final ExternalCalendar calendar;
    private final SlotHolds holds;
    private final TenantWorkingHours hours;
    private final Transactions transactions;
    private final Clock clock;
    private final CalendarPolicy policy;

    public CalendarQueryService(CalendarAccess access, ExternalCalendar calendar, SlotHolds holds, TenantWorkingHours hours,
                                Transactions transactions, Clock clock, CalendarPolicy policy) {
        this.access = access;
        this.calendar = calendar;
        this.holds = holds;
        this.hours = hours;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public List<CalendarEvent> upcoming(TenantId tenant, int maxResults) {
        if (maxResults < 1 || maxResults > 250)
            throw new InvalidValueException("max_results", "calendar.max-results", "max_results must be between 1 and 250");
        return access.withToken(tenant, token -> calendar.upcoming(token, clock.instant(), maxResults));
    }

    @Override
    public Availability check(TenantId tenant, TimeRange range) {
        checkRange(range);
        List<TimeRange> busy = busy(tenant, range);
        return new Availability(busy.stream().noneMatch(range::overlaps), busy);
    }

    @Override
    public List<TimeRange> find(FindSlotsQuery query) {
        FreeSlots.checkLength(query.length());
        Instant now = clock.instant();
        Instant from = query.from() == null || query.from().isBefore(now) ? now : query.from();
        Instant to = query.to() == null ? from.plus(policy.searchWindow()) : query.to();
        if (!to.isAfter(from)) return List.of();
        TimeRange range = new TimeRange(from, to);
        checkRange(range);
        if (query.maxResults() < 1 || query.maxResults() > FreeSlots.MOST)
            throw new InvalidValueException("max_results", "slots.max", "max_results must be between 1 and " + FreeSlots.MOST);
        List<TimeRange> busy = busy(query.tenant(), range);
        return FreeSlots.find(hours.of(query.tenant()), busy, range, query.length(), now, query.maxResults());
    }

    /** Google's busy intervals and our own bookings and live holds, sorted. */
    List<TimeRange> busy(TenantId tenant, TimeRange range) {
        List<TimeRange> google = access.withToken(tenant, token -> calendar.busy(token, range));
        Instant staleBefore = clock.instant().minus(policy.holdLifetime());
        List<TimeRange> ours = transactions.inTransaction(() -> holds.taken(tenant, range, staleBefore));
        List<TimeRange> all = new ArrayList<>(google);
        for (TimeRange t : ours) if (!all.contains(t)) all.add(t);
        all.sort(Comparator.comparing(TimeRange::start));
        return List.copyOf(all);
    }

    private static void checkRange(TimeRange range) {
        if (range.length().compareTo(LONGEST_RANGE) > 0)
            throw new InvalidValueException("end", "calendar.range", "the time range may span at most 31 days");
    }

    @Override
    public Optional<SlotHolds.BookedMeeting> bookedBy(TenantId tenant, CallId call) {
        return transactions.inTransaction(() -> holds.bookedBy(tenant, call));
    }
}

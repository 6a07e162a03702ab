package dev.parley.application.calendar.service;

import dev.parley.application.calendar.port.in.FindSlotsUseCase;
import dev.parley.application.calendar.port.in.FindSlotsUseCase.FindSlotsQuery;
import dev.parley.application.calendar.port.out.TenantWorkingHours;
import dev.parley.application.scenario.port.in.CallScenario;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.domain.calendar.TimeRange;
import dev.parley.domain.scenario.Persona;
import dev.parley.domain.scenario.Prompt;
import dev.parley.domain.scenario.Scenario;
import dev.parley.domain.scenario.Temperature;
import dev.parley.domain.scenario.VoiceType;
import dev.parley.domain.shared.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The calendar-aware call (seed 000's {@code /make-calendar-call-scenario}): scenario {@value #REF}, whose
 * instructions carry the tenant's next free slots, read when the call is placed and again when it connects.
 * Other scenarios are looked up as before; those switched on with calendar tools are told the time zone and the time.
 */
public final class CalendarScenario implements FindCallScenarioUseCase {
    public static final String REF = "calendar";
    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private final FindCallScenarioUseCase scenarios;
    private final FindSlotsUseCase slots;
    private final TenantWorkingHours hours;
    private final Clock clock;
    private final CalendarPolicy policy;

    public CalendarScenario(FindCallScenarioUseCase scenarios, FindSlotsUseCase slots, TenantWorkingHours hours, Clock clock,
                            CalendarPolicy policy) {
        this.scenarios = scenarios;
        this.slots = slots;
        this.hours = hours;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public Optional<CallScenario> find(TenantId tenant, String scenarioRef) {
        if (!REF.equals(scenarioRef))
            return scenarios.find(tenant, scenarioRef).map(s -> s.calendarTools() ? s.withInstructions(s.instructions() + "\n\n"
                    + toolsNote(hours.of(tenant).zone())) : s);
        ZoneId zone = hours.of(tenant).zone();
        List<TimeRange> free;
        try {
            free = slots.find(new FindSlotsQuery(tenant, Duration.ofMinutes(30), null, null, policy.offeredSlots()));
        } catch (RuntimeException calendarDown) {
            free = null;
        }
        Scenario s = new Scenario(REF, "Calendar call",
                new Persona("You are Robin, a friendly and efficient scheduling assistant calling on behalf of a small business."),
                new Prompt("Find out whether the person would like to meet, agree on a time and book it. Offer the free slots "
                        + "below first. Before booking, confirm the day, the time and the person's name. Book with the tool "
                        + "book_meeting (start as an ISO-8601 date-time with offset, duration_minutes, attendee_name, notes). Use "
                        + "check_availability for a time the person proposes and find_slots for other days or lengths. If a slot "
                        + "was just taken, apologise and offer the alternatives the tool gives you. Never say a meeting is booked "
                        + "unless book_meeting answered that it is."),
                VoiceType.DEFAULT, new Temperature(0.7), true);
        return Optional.of(new CallScenario(REF, s.name(), s.instructions() + "\n\n" + slotsText(free, zone), s.realtimeVoice(),
                s.temperature().value(), true));
    }

    /** What a scenario switched on with calendar tools needs to use them: the zone, the time now and how to book. */
    private String toolsNote(ZoneId zone) {
        return "# Calendar\nTime zone: " + zone.getId() + ". Now: " + SPOKEN.format(ZonedDateTime.now(clock.withZone(zone))) + ".\n"
                + "You can look at and book in the calendar: check_availability (start, end) for a time the person proposes, "
                + "find_slots (duration_minutes) for free times, book_meeting (start as an ISO-8601 date-time with offset, "
                + "duration_minutes, attendee_name, notes) once the person agreed. Never say a meeting is booked unless "
                + "book_meeting answered that it is.";
    }

    private String slotsText(List<TimeRange> free, ZoneId zone) {
        StringBuilder b = new StringBuilder("# Calendar\nTime zone: ").append(zone.getId()).append(". Now: ")
                .append(SPOKEN.format(ZonedDateTime.now(clock.withZone(zone)))).append(".\n");
        if (free == null) return b.append("The calendar could not be read just now; use find_slots to look for free times.").toString();
        if (free.isEmpty()) return b.append("No free 30-minute slots in the next days; use find_slots to look further ahead.").toString();
        b.append("Next free 30-minute slots (start, ISO-8601 for the tools):\n");
        for (TimeRange t : free) {
            ZonedDateTime start = t.start().atZone(zone);
            b.append("- ").append(SPOKEN.format(start)).append(" (").append(start.toOffsetDateTime()).append(")\n");
        }
        return b.toString().stripTrailing();
    }
}

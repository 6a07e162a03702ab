package dev.parley.bootstrap;

import dev.parley.application.calendar.port.in.BookMeetingUseCase;
import dev.parley.application.calendar.port.in.CalendarStatusUseCase;
import dev.parley.application.calendar.port.in.CheckAvailabilityUseCase;
import dev.parley.application.calendar.port.in.CompleteCalendarConnectionUseCase;
import dev.parley.application.calendar.port.in.ConnectCalendarUseCase;
import dev.parley.application.calendar.port.in.DisconnectCalendarUseCase;
import dev.parley.application.calendar.port.in.FindCallBookingUseCase;
import dev.parley.application.calendar.port.in.FindSlotsUseCase;
import dev.parley.application.calendar.port.in.ListCalendarEventsUseCase;
import dev.parley.application.calendar.port.in.PlaceCalendarCallUseCase;
import dev.parley.application.calendar.port.out.CalendarAuthorization;
import dev.parley.application.calendar.port.out.CalendarConnectionRepository;
import dev.parley.application.calendar.port.out.ConnectionStates;
import dev.parley.application.calendar.port.out.ExternalCalendar;
import dev.parley.application.calendar.port.out.SlotHolds;
import dev.parley.application.calendar.port.out.TenantWorkingHours;
import dev.parley.application.calendar.service.BookMeetingService;
import dev.parley.application.calendar.service.CalendarAccess;
import dev.parley.application.calendar.service.CalendarConnectionService;
import dev.parley.application.calendar.service.CalendarPolicy;
import dev.parley.application.calendar.service.CalendarQueryService;
import dev.parley.application.calendar.service.CalendarScenario;
import dev.parley.application.calendar.service.CalendarTools;
import dev.parley.application.calendar.service.PlaceCalendarCallService;
import dev.parley.application.call.port.in.PlaceOutboundCallUseCase;
import dev.parley.application.conversation.port.out.CallTool;
import dev.parley.application.scenario.port.in.CallScenario;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.application.scenario.service.CustomScenarioService;
import dev.parley.application.schedule.port.out.CallingWindowRepository;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.calendar.WorkingHours;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/** The calendar context (issue 17): the Google connection, reading and booking, the calendar-aware call and its tools. */
@Factory
class CalendarWiring {
    @Singleton
    CalendarPolicy calendarPolicy(@Value("${parley.calendar.hold-lifetime:2m}") Duration holdLifetime) {
        CalendarPolicy d = CalendarPolicy.DEFAULT;
        return new CalendarPolicy(d.stateLifetime(), holdLifetime, d.searchWindow(), d.offeredSlots());
    }

    /**
     * The tenant's calling window where they set one, else 09:00-17:00 on weekdays in CALENDAR_TIME_ZONE. Read from the
     * stored windows (not the schedule's use case, which finds call scenarios and so would close a loop through here).
     */
    @Singleton
    TenantWorkingHours tenantWorkingHours(CallingWindowRepository windows, @Value("${parley.calendar.time-zone:UTC}") String zone) {
        ZoneId fallback = ZoneId.of(zone.isBlank() ? "UTC" : zone);
        return tenant -> windows.find(tenant)
                .map(w -> new WorkingHours(w.zone(), w.start(), w.end(), w.endsAtMidnight(), w.days()))
                .orElseGet(() -> WorkingHours.standard(fallback));
    }

    @Singleton
    CalendarAccess calendarAccess(CalendarConnectionRepository connections, CalendarAuthorization authorization,
                                  Transactions transactions, Clock clock) {
        return new CalendarAccess(connections, authorization, transactions, clock);
    }

    @Singleton
    @Bean(typed = {ConnectCalendarUseCase.class, CompleteCalendarConnectionUseCase.class, CalendarStatusUseCase.class,
            DisconnectCalendarUseCase.class})
    CalendarConnectionService calendarConnections(CalendarAuthorization authorization, ConnectionStates states,
                                                  CalendarConnectionRepository connections, Transactions transactions, Clock clock,
                                                  CalendarPolicy policy) {
        return new CalendarConnectionService(authorization, states, connections, transactions, clock, policy);
    }

    @Singleton
    @Bean(typed = {ListCalendarEventsUseCase.class, CheckAvailabilityUseCase.class, FindSlotsUseCase.class,
            FindCallBookingUseCase.class, CalendarQueryService.class})
    CalendarQueryService calendarQueries(CalendarAccess access, ExternalCalendar calendar, SlotHolds holds, TenantWorkingHours hours,
                                         Transactions transactions, Clock clock, CalendarPolicy policy) {
        return new CalendarQueryService(access, calendar, holds, hours, transactions, clock, policy);
    }

    @Singleton
    BookMeetingUseCase bookMeeting(CalendarAccess access, ExternalCalendar calendar, SlotHolds holds, TenantWorkingHours hours,
                                   CalendarQueryService queries, Transactions transactions, Clock clock, CalendarPolicy policy) {
        return new BookMeetingService(access, calendar, holds, hours, queries, transactions, clock, policy);
    }

    /** Call scenarios as the scenario context finds them, plus the calendar-aware one; organizations come on top (OrganizationWiring). */
    @Singleton
    @Bean(typed = CalendarScenario.class)
    CalendarScenario calendarScenarios(CustomScenarioService scenarios, FindSlotsUseCase slots, TenantWorkingHours hours, Clock clock,
                                          CalendarPolicy policy) {
        return new CalendarScenario(scenarios, slots, hours, clock, policy);
    }

    @Singleton
    PlaceCalendarCallUseCase placeCalendarCall(CalendarAccess access, PlaceOutboundCallUseCase calls) {
        return new PlaceCalendarCallService(access, calls);
    }

    /** Offered on the calendar call and on the custom scenarios switched on with {@code calendar_tools: true}. */
    @Singleton
    CalendarTools calendarTools(CheckAvailabilityUseCase availability, FindSlotsUseCase slots, BookMeetingUseCase booking,
                                TenantWorkingHours hours) {
        return new CalendarTools(availability, slots, booking, hours, CallScenario::calendarTools);
    }

    @Singleton
    @Named("check_availability")
    CallTool checkAvailabilityTool(CalendarTools tools) {
        return tools.checkAvailability();
    }

    @Singleton
    @Named("find_slots")
    CallTool findSlotsTool(CalendarTools tools) {
        return tools.findSlots();
    }

    @Singleton
    @Named("book_meeting")
    CallTool bookMeetingTool(CalendarTools tools) {
        return tools.bookMeeting();
    }
}

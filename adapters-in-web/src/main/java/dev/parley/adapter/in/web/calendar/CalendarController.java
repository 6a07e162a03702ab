package dev.parley.adapter.in.web.calendar;

import dev.parley.adapter.in.web.calendar.CalendarMessages.AuthorizationResponse;
import dev.parley.adapter.in.web.security.RateLimited;
import dev.parley.adapter.in.web.calendar.CalendarMessages.AvailabilityResponse;
import dev.parley.adapter.in.web.calendar.CalendarMessages.CalendarCallResponse;
import dev.parley.adapter.in.web.calendar.CalendarMessages.EventResponse;
import dev.parley.adapter.in.web.calendar.CalendarMessages.FindSlotsRequest;
import dev.parley.adapter.in.web.calendar.CalendarMessages.Interval;
import dev.parley.adapter.in.web.calendar.CalendarMessages.MessageResponse;
import dev.parley.adapter.in.web.calendar.CalendarMessages.RangeRequest;
import dev.parley.adapter.in.web.calendar.CalendarMessages.SlotsResponse;
import dev.parley.adapter.in.web.calendar.CalendarMessages.StatusResponse;
import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.application.calendar.port.in.CalendarStatusUseCase;
import dev.parley.application.calendar.port.in.CheckAvailabilityUseCase;
import dev.parley.application.calendar.port.in.CompleteCalendarConnectionUseCase;
import dev.parley.application.calendar.port.in.CompleteCalendarConnectionUseCase.ConnectionOutcome;
import dev.parley.application.calendar.port.in.ConnectCalendarUseCase;
import dev.parley.application.calendar.port.in.DisconnectCalendarUseCase;
import dev.parley.application.calendar.port.in.FindSlotsUseCase;
import dev.parley.application.calendar.port.in.FindSlotsUseCase.FindSlotsQuery;
import dev.parley.application.calendar.port.in.ListCalendarEventsUseCase;
import dev.parley.application.calendar.port.in.PlaceCalendarCallUseCase;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Google Calendar (seeds 000 and 001): connecting it through OAuth, reading it, finding slots, and calendar-aware calls. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Google Calendar")
class CalendarController {
    private final ConnectCalendarUseCase connect;
    private final CompleteCalendarConnectionUseCase complete;
    private final CalendarStatusUseCase status;
    private final DisconnectCalendarUseCase disconnect;
    private final ListCalendarEventsUseCase events;
    private final CheckAvailabilityUseCase availability;
    private final FindSlotsUseCase slots;
    private final PlaceCalendarCallUseCase calendarCall;
    private final String frontendUrl;

    CalendarController(ConnectCalendarUseCase connect, CompleteCalendarConnectionUseCase complete, CalendarStatusUseCase status,
                       DisconnectCalendarUseCase disconnect, ListCalendarEventsUseCase events, CheckAvailabilityUseCase availability,
                       FindSlotsUseCase slots, PlaceCalendarCallUseCase calendarCall,
                       @Value("${parley.frontend-url:`http://localhost:5173`}") String frontendUrl) {
        this.connect = connect;
        this.complete = complete;
        this.status = status;
        this.disconnect = disconnect;
        this.events = events;
        this.availability = availability;
        this.slots = slots;
        this.calendarCall = calendarCall;
        this.frontendUrl = frontendUrl.endsWith("/") ? frontendUrl.substring(0, frontendUrl.length() - 1) : frontendUrl;
    }

    @Operation(summary = "Start connecting my Google Calendar", description = "Answers {authorization_url}: send the browser there.")
    @Get("/google-calendar/auth")
    AuthorizationResponse auth(Authentication authentication) {
        return new AuthorizationResponse(connect.authorizationUrl(CurrentTenant.of(authentication)));
    }

    @Operation(summary = "Google sends the browser back here", description = "Redirects to the frontend's scheduled-meetings page "
            + "with success=true&connected=calendar, or error=calendar_connection_failed&message=…")
    @Get("/google-calendar/callback")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> callback(@QueryValue @Nullable String code, @QueryValue @Nullable String state, @QueryValue @Nullable String error) {
        UriBuilder target = UriBuilder.of(URI.create(frontendUrl + "/scheduled-meetings"));
        URI uri = switch (complete.complete(code, state, error)) {
            case ConnectionOutcome.Connected ok -> target.queryParam("success", "true").queryParam("connected", "calendar").build();
            case ConnectionOutcome.Failed failed -> target.queryParam("error", "calendar_connection_failed")
                    .queryParam("message", failed.message()).build();
        };
        // 302, never the 301 of HttpResponse.redirect: a browser would cache a permanent redirect of a one-time URL
        return HttpResponse.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, uri.toString()).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Operation(summary = "Whether my Google Calendar is connected")
    @Get("/google-calendar/status")
    StatusResponse status(Authentication authentication) {
        return StatusResponse.from(status.status(CurrentTenant.of(authentication)));
    }

    @Operation(summary = "Disconnect my Google Calendar", description = "Revokes the tokens at Google and forgets them.")
    @Delete("/google-calendar/connection")
    MessageResponse disconnect(Authentication authentication) {
        boolean had = disconnect.disconnect(CurrentTenant.of(authentication));
        return new MessageResponse(had ? "Google Calendar disconnected" : "Google Calendar was not connected");
    }

    @Operation(summary = "My upcoming calendar events, in start order")
    @Get("/google-calendar/events")
    List<EventResponse> events(@QueryValue("max_results") @Nullable String maxResults, Authentication authentication) {
        int max = number("max_results", maxResults, 10);
        return events.upcoming(CurrentTenant.of(authentication), max).stream().map(EventResponse::from).toList();
    }

    @Operation(summary = "Whether I am free between start and end (free/busy)")
    @Post("/google-calendar/check-availability")
    AvailabilityResponse checkAvailability(@Body RangeRequest body, Authentication authentication) {
        var answer = availability.check(CurrentTenant.of(authentication), body.range());
        return new AvailabilityResponse(answer.available(), answer.busy().stream().map(Interval::of).toList());
    }

    @Operation(summary = "Free slots inside my working hours")
    @Post("/google-calendar/find-slots")
    SlotsResponse findSlots(@Body FindSlotsRequest body, Authentication authentication) {
        int minutes = body.durationMinutes() == null ? 30 : body.durationMinutes();
        int max = body.maxResults() == null ? 5 : body.maxResults();
        TenantId tenant = CurrentTenant.of(authentication);
        var found = slots.find(new FindSlotsQuery(tenant, Duration.ofMinutes(minutes), CalendarMessages.optionalTime("start", body.start()),
                CalendarMessages.optionalTime("end", body.end()), max));
        return new SlotsResponse(found.stream().map(Interval::of).toList());
    }

    @Operation(summary = "Call a number with the calendar-aware assistant", description = "It knows my next free slots and can "
            + "book a meeting. Answers {status: success, call_sid, message, phone_number}.")
    @RateLimited("call")
    @Get("/make-calendar-call-scenario/{phone_number:[^/]+}")
    CalendarCallResponse makeCalendarCall(@PathVariable("phone_number") String phoneNumber, Authentication authentication) {
        PhoneNumber to = pathPhone(phoneNumber);
        var placed = calendarCall.place(CurrentTenant.of(authentication), to);
        return new CalendarCallResponse("success", placed.carrierSid(), "Calendar call initiated", to.e164(), placed.call().value());
    }

    /** A leading + arrives decoded as a space when the client did not percent-encode it. */
    private static PhoneNumber pathPhone(String raw) {
        if (raw != null && raw.startsWith(" ") && !raw.isBlank()) return PhoneNumber.parse("+" + raw.strip());
        return PhoneNumber.parse(raw);
    }

    private static int number(String field, @Nullable String raw, int fallback) {
        if (raw == null || raw.isBlank()) return fallback;
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, "calendar.number", field + " must be a whole number");
        }
    }
}

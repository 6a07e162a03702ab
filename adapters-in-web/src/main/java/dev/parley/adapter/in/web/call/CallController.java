package dev.parley.adapter.in.web.call;

import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.application.calendar.port.in.FindCallBookingUseCase;
import dev.parley.adapter.in.web.security.RateLimited;
import dev.parley.application.call.port.in.ListCallsUseCase;
import dev.parley.application.call.port.in.PlaceOutboundCallUseCase;
import dev.parley.application.call.port.in.PlaceOutboundCallUseCase.PlaceOutboundCallCommand;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.usage.port.in.ReportUsageUseCase;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.PhoneNumber;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Places calls (seed 000/001 answers) and lists the tenant's calls with what was said in them. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Calls")
class CallController {
    static final int DEFAULT_LIMIT = 20;
    private final PlaceOutboundCallUseCase place;
    private final ListCallsUseCase calls;
    private final FindCallBookingUseCase bookings;
    private final ReportUsageUseCase usage;

    CallController(PlaceOutboundCallUseCase place, ListCallsUseCase calls, FindCallBookingUseCase bookings, ReportUsageUseCase usage) {
        this.place = place;
        this.calls = calls;
        this.bookings = bookings;
        this.usage = usage;
    }

    @Operation(summary = "Call a number now with a built-in scenario", description = "Answers {status: success, call_sid}.")
    @RateLimited("call")
    @Get("/make-call/{phone_number:[^/]+}/{scenario}")
    CallResponses.CallPlaced makeCall(@PathVariable("phone_number") String phoneNumber, @PathVariable String scenario,
                                      Authentication authentication) {
        var placed = place.place(new PlaceOutboundCallCommand(CurrentTenant.of(authentication), pathPhone(phoneNumber), scenario));
        return new CallResponses.CallPlaced("success", placed.carrierSid(), placed.call().value());
    }

    @Operation(summary = "Call a number now with one of my custom scenarios", description = "Answers {status: Custom call initiated, call_sid}.")
    @RateLimited("call")
    @Get("/make-custom-call/{phone_number:[^/]+}/{scenario_id}")
    CallResponses.CallPlaced makeCustomCall(@PathVariable("phone_number") String phoneNumber, @PathVariable("scenario_id") String scenarioId,
                                            Authentication authentication) {
        var placed = place.place(new PlaceOutboundCallCommand(CurrentTenant.of(authentication), pathPhone(phoneNumber), scenarioId));
        return new CallResponses.CallPlaced("Custom call initiated", placed.carrierSid(), placed.call().value());
    }

    /** A leading + arrives decoded as a space when the client did not percent-encode it. */
    static PhoneNumber pathPhone(String raw) {
        if (raw != null && raw.startsWith(" ") && !raw.isBlank()) return PhoneNumber.parse("+" + raw.strip());
        return PhoneNumber.parse(raw);
    }

    @Operation(summary = "List my calls, newest first")
    @Get("/api/calls")
    CallResponses.CallList list(@QueryValue @Nullable Integer skip, @QueryValue @Nullable Integer limit, Authentication authentication) {
        PageRequest page = new PageRequest(skip == null ? 0 : skip, limit == null ? DEFAULT_LIMIT : limit);
        return CallResponses.CallList.from(calls.list(CurrentTenant.of(authentication), page));
    }

    @Operation(summary = "One of my calls with its transcript lines")
    @Get("/api/calls/{id}")
    CallResponses.CallDetail get(@PathVariable String id, Authentication authentication) {
        long value;
        try {
            value = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new dev.parley.application.call.port.in.CallNotFoundException();
        }
        if (value <= 0) throw new dev.parley.application.call.port.in.CallNotFoundException();
        var tenant = CurrentTenant.of(authentication);
        var details = calls.get(tenant, new CallId(value));
        var booking = bookings.bookedBy(tenant, new CallId(value))
                .map(b -> new CallResponses.Booking(b.eventId(), b.when().start(), b.when().end())).orElse(null);
        return CallResponses.CallDetail.from(details, booking, usage.ofCall(tenant, new CallId(value)));
    }
}

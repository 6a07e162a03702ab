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
import dev.parley.application.organization.port.in.EscalateCallManuallyUseCase;
import dev.parley.application.organization.port.in.GetOrganizationCallUseCase;
import dev.parley.application.organization.port.in.OrgCallView;
import dev.parley.application.organization.port.in.OrganizationNotFoundException;
import dev.parley.domain.organization.ConversationPhase;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.organization.Urgency;
import dev.parley.domain.shared.TenantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;
import java.util.List;
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
    private final GetOrganizationCallUseCase orgCalls;
    private final EscalateCallManuallyUseCase escalate;

    CallController(PlaceOutboundCallUseCase place, ListCallsUseCase calls, FindCallBookingUseCase bookings, ReportUsageUseCase usage,
                   GetOrganizationCallUseCase orgCalls, EscalateCallManuallyUseCase escalate) {
        this.place = place;
        this.calls = calls;
        this.bookings = bookings;
        this.usage = usage;
        this.orgCalls = orgCalls;
        this.escalate = escalate;
    }

    @Operation(summary = "Call a number now with one of my organizations' agents (seed 003)", description = "Answers {status: success, call_sid, call_id}; 404 for an organization that is not mine.")
    @RateLimited("call")
    @Get("/make-org-call/{phone_number:[^/]+}/{org_id}")
    CallResponses.CallPlaced makeOrgCall(@PathVariable("phone_number") String phoneNumber, @PathVariable("org_id") String orgId,
                                         Authentication authentication) {
        OrgId org = orgId(orgId);
        var placed = place.place(new PlaceOutboundCallCommand(CurrentTenant.of(authentication), pathPhone(phoneNumber), org.callRef()));
        return new CallResponses.CallPlaced("success", placed.carrierSid(), placed.call().value());
    }

    @Operation(summary = "Escalate one of my organization calls by hand (manual override)",
            description = "Stored with the call and sent to my consoles as call_status_update with status escalated; 409 for a call that runs no organization.")
    @Post(value = "/api/calls/{id}/escalate", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<CallResponses.Escalation> escalate(@PathVariable String id, @Body @Valid CallResponses.EscalateRequest body,
                                                    Authentication authentication) {
        Urgency urgency = body.urgency() == null ? Urgency.NORMAL : Urgency.parse(body.urgency()).orElse(Urgency.NORMAL);
        return HttpResponse.created(CallResponses.Escalation.from(
                escalate.escalate(CurrentTenant.of(authentication), callId(id), body.reason(), urgency)));
    }

    private static OrgId orgId(String raw) {
        if (raw == null || !raw.strip().matches("[1-9]\\d{0,17}")) throw new OrganizationNotFoundException();
        return new OrgId(Long.parseLong(raw.strip()));
    }

    private static CallId callId(String raw) {
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new dev.parley.application.call.port.in.CallNotFoundException();
        }
        if (value <= 0) throw new dev.parley.application.call.port.in.CallNotFoundException();
        return new CallId(value);
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

    @Operation(summary = "List my calls, newest first", description = "org_id: only the calls of one of my organizations (seed 003).")
    @Get("/api/calls")
    CallResponses.CallList list(@QueryValue @Nullable Integer skip, @QueryValue @Nullable Integer limit,
                                @QueryValue("org_id") @Nullable String orgId, Authentication authentication) {
        PageRequest page = new PageRequest(skip == null ? 0 : skip, limit == null ? DEFAULT_LIMIT : limit);
        if (orgId != null) return CallResponses.CallList.from(calls.list(CurrentTenant.of(authentication), orgId(orgId).callRef(), page));
        return CallResponses.CallList.from(calls.list(CurrentTenant.of(authentication), page));
    }

    @Operation(summary = "One of my calls with its transcript lines")
    @Get("/api/calls/{id}")
    CallResponses.CallDetail get(@PathVariable String id, Authentication authentication) {
        TenantId tenant = CurrentTenant.of(authentication);
        CallId call = callId(id);
        ListCallsUseCase.CallDetails details = calls.get(tenant, call);
        // an organization's call that has not begun yet has no record of its own: it is still in its greeting
        OrgCallView org = orgCalls.find(tenant, call).orElseGet(() -> OrgId.fromCallRef(details.call().scenarioRef())
                .map(o -> new OrgCallView(o.value(), ConversationPhase.GREETING.wire(), false, List.of(), null)).orElse(null));
        var booking = bookings.bookedBy(tenant, call)
                .map(b -> new CallResponses.Booking(b.eventId(), b.when().start(), b.when().end())).orElse(null);
        return CallResponses.CallDetail.from(details, booking, usage.ofCall(tenant, call), org);
    }
}

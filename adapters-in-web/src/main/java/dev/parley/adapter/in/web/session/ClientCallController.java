package dev.parley.adapter.in.web.session;

import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.adapter.in.web.session.ClientCallMessages.EndCallRequest;
import dev.parley.adapter.in.web.session.ClientCallMessages.EndCallResponse;
import dev.parley.adapter.in.web.session.ClientCallMessages.StartCallRequest;
import dev.parley.adapter.in.web.session.ClientCallMessages.StartCallResponse;
import dev.parley.application.call.port.in.CallNotFoundException;
import dev.parley.application.call.port.in.CallView;
import dev.parley.application.organization.port.in.OrganizationNotFoundException;
import dev.parley.application.session.port.in.EndClientCallUseCase;
import dev.parley.application.session.port.in.EndClientCallUseCase.EndClientCallCommand;
import dev.parley.application.session.port.in.StartClientCallUseCase;
import dev.parley.application.session.port.in.StartClientCallUseCase.StartClientCallCommand;
import dev.parley.domain.call.CallChannel;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.call.CallId;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.Locale;

/**
 * Seed 003's call API for calls the client runs itself (a browser session, or a phone call carried elsewhere): start one
 * for an organization, end it with the transcript and intake collected. Another tenant's call or organization is a 404.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Calls")
class ClientCallController {
    private final StartClientCallUseCase starts;
    private final EndClientCallUseCase ends;

    ClientCallController(StartClientCallUseCase starts, EndClientCallUseCase ends) {
        this.starts = starts;
        this.ends = ends;
    }

    @Operation(summary = "Start a call I run myself for one of my organizations (seed 003)",
            description = "Body {org_id, channel: browser|phone, customer_number?, direction?}. Answers 201 {call_id, org_id, channel, "
                    + "status: in-progress, start_time}; the call is in the organization's greeting phase.")
    @Post(value = "/api/call/start", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<StartCallResponse> start(@Body @Valid StartCallRequest body, Authentication auth) {
        if (body.orgId() == null) throw new InvalidValueException("org_id", "org.required", "org_id is required");
        if (body.orgId() <= 0) throw new OrganizationNotFoundException();
        CallChannel channel = channel(body.channel());
        PhoneNumber customer = null;
        if (body.customerNumber() != null && !body.customerNumber().isBlank()) {
            if (channel == CallChannel.BROWSER)
                throw new InvalidValueException("customer_number", "call.browser-number", "customer_number is for phone calls only");
            try {
                customer = PhoneNumber.parse(body.customerNumber());
            } catch (InvalidValueException bad) {
                throw new InvalidValueException("customer_number", bad.code(), "customer_number must be an E.164 number such as +14155550123");
            }
        }
        CallDirection direction = direction(body.direction());
        if (channel == CallChannel.BROWSER && direction != CallDirection.INBOUND)
            throw new InvalidValueException("direction", "call.direction", "A browser call is inbound");
        TenantId tenant = CurrentTenant.of(auth);
        CallView call = starts.start(new StartClientCallCommand(tenant, new OrgId(body.orgId()), channel, direction, customer));
        return HttpResponse.created(new StartCallResponse(call.id(), body.orgId(), call.channel(), call.status(), call.createdAt()));
    }

    @Operation(summary = "End a call I ran myself, with its transcript and intake (seed 003)",
            description = "Body {call_id, transcript: [{speaker: user|assistant, text, timestamp}], intake?}. The lines become the "
                    + "call's messages, the intake is checked against the organization's intake fields (422 names what is wrong, and "
                    + "nothing is stored), the call is completed. Ending again changes nothing and answers the same. 409 for a call "
                    + "the phone network carries for this server.")
    @Post(value = "/api/call/end", consumes = MediaType.APPLICATION_JSON)
    EndCallResponse end(@Body @Valid EndCallRequest body, Authentication auth) {
        if (body.callId() == null) throw new InvalidValueException("call_id", "call.required", "call_id is required");
        if (body.callId() <= 0) throw new CallNotFoundException();
        return EndCallResponse.from(ends.end(new EndClientCallCommand(CurrentTenant.of(auth), new CallId(body.callId()), body.lines(),
                body.intake())));
    }

    private static CallChannel channel(String raw) {
        String v = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "browser" -> CallChannel.BROWSER;
            case "phone" -> CallChannel.PHONE;
            case "" -> throw new InvalidValueException("channel", "call.channel", "channel is required: browser or phone");
            default -> throw new InvalidValueException("channel", "call.channel", "channel must be browser or phone");
        };
    }

    private static CallDirection direction(String raw) {
        String v = raw == null ? "inbound" : raw.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "inbound" -> CallDirection.INBOUND;
            case "outbound" -> CallDirection.OUTBOUND;
            default -> throw new InvalidValueException("direction", "call.direction", "direction must be inbound or outbound");
        };
    }
}

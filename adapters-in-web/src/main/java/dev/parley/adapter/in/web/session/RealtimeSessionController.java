package dev.parley.adapter.in.web.session;

import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.adapter.in.web.security.RateLimited;
import dev.parley.application.session.port.in.RelayBrowserSignalUseCase;
import dev.parley.application.session.port.in.StartBrowserSessionUseCase;
import dev.parley.application.session.port.in.StartOrganizationSessionUseCase;
import dev.parley.application.organization.port.in.OrganizationNotFoundException;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.session.SdpOffer;
import dev.parley.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.nio.charset.StandardCharsets;

/**
 * Browser realtime sessions (seeds 003/004): a short-lived OpenAI client secret for one of my scenarios or organizations,
 * and the WebRTC offer relayed with the server's key. The server's key never leaves the server.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Realtime sessions")
class RealtimeSessionController {
    static final String SDP = "application/sdp";
    private final StartBrowserSessionUseCase sessions;
    private final StartOrganizationSessionUseCase organizations;
    private final RelayBrowserSignalUseCase signals;

    RealtimeSessionController(StartBrowserSessionUseCase sessions, StartOrganizationSessionUseCase organizations,
                              RelayBrowserSignalUseCase signals) {
        this.sessions = sessions;
        this.organizations = organizations;
        this.signals = signals;
    }

    @Operation(summary = "Start a browser realtime session for a scenario",
            description = "Body {scenario} (built-in) or {scenario_id} (custom). Answers {session_id, client_secret: {value, expires_at}, "
                    + "model, voice, call_id}; 502 when OpenAI refuses or is down, 503 when no key is configured.")
    @Post(value = "/realtime/session", consumes = MediaType.APPLICATION_JSON)
    @RateLimited("realtime-session")
    SessionMessages.SessionResponse start(@Body @Valid SessionMessages.SessionRequest body, Authentication authentication) {
        boolean named = body.scenario() != null && !body.scenario().isBlank();
        boolean custom = body.scenarioId() != null && !body.scenarioId().isBlank();
        if (named == custom)
            throw new InvalidValueException("scenario", "scenario.required", "Give exactly one of scenario or scenario_id");
        return SessionMessages.SessionResponse.of(sessions.start(CurrentTenant.of(authentication), named ? body.scenario() : body.scenarioId()));
    }

    @Operation(summary = "Start a browser realtime session for one of my organizations (seed 003)",
            description = "Body {org_id}. Briefed as a phone call of the organization is (its composed instructions, voice, "
                    + "transcription language, tools end_call, escalate_to_human and complete_intake); the call record (channel browser) "
                    + "runs for the organization. Same answer and errors as /realtime/session; 404 for an organization that is not mine.")
    @Post(value = "/api/realtime/session", consumes = MediaType.APPLICATION_JSON)
    @RateLimited("realtime-session")
    SessionMessages.SessionResponse startForOrganization(@Body @Valid SessionMessages.OrgSessionRequest body, Authentication authentication) {
        if (body.orgId() == null) throw new InvalidValueException("org_id", "org.required", "org_id is required");
        if (body.orgId() <= 0) throw new OrganizationNotFoundException();
        return SessionMessages.SessionResponse.of(organizations.start(CurrentTenant.of(authentication), new OrgId(body.orgId())));
    }

    @Operation(summary = "Relay a WebRTC SDP offer for one of my sessions",
            description = "JSON {sdp, session_id} answers JSON {sdp}; an application/sdp body (session in ?session_id= or the "
                    + "X-Session-Id header) answers application/sdp.")
    @Post(value = "/realtime/signal", consumes = MediaType.APPLICATION_JSON)
    SessionMessages.SignalResponse signalJson(@Body @Valid SessionMessages.SignalRequest body, Authentication authentication) {
        return new SessionMessages.SignalResponse(
                signals.relay(CurrentTenant.of(authentication), body.sessionId(), new SdpOffer(body.sdp())));
    }

    @Post(value = "/realtime/signal", consumes = SDP, produces = SDP)
    HttpResponse<String> signalSdp(HttpRequest<?> request, @Body byte[] offer, @Nullable @QueryValue("session_id") String sessionId,
                                   @Nullable @Header("X-Session-Id") String sessionHeader, Authentication authentication) {
        String session = sessionId != null && !sessionId.isBlank() ? sessionId : sessionHeader;
        String answer = signals.relay(CurrentTenant.of(authentication), session, new SdpOffer(new String(offer, StandardCharsets.UTF_8)));
        return HttpResponse.ok(answer).contentType(SDP);
    }
}

package dev.parley.application.session.service;

import dev.parley.application.call.port.in.StartBrowserCallUseCase;
import dev.parley.application.organization.port.in.OrganizationNotFoundException;
import dev.parley.application.organization.port.in.TrackConversationPhaseUseCase;
import dev.parley.application.conversation.port.in.OpenBrowserCallUseCase;
import dev.parley.application.conversation.port.in.OpenBrowserCallUseCase.BrowserCallCommand;
import dev.parley.application.scenario.port.in.ScenarioNotFoundException;
import dev.parley.application.session.port.in.BrowserSessionNotFoundException;
import dev.parley.application.session.port.in.BrowserSessionView;
import dev.parley.application.session.port.in.RelayBrowserSignalUseCase;
import dev.parley.application.session.port.in.StartBrowserSessionUseCase;
import dev.parley.application.session.port.in.StartOrganizationSessionUseCase;
import dev.parley.application.session.port.out.BrowserBrief;
import dev.parley.application.session.port.out.BrowserRealtime;
import dev.parley.application.session.port.out.BrowserSessions;
import dev.parley.application.session.port.out.SessionBriefing;
import dev.parley.domain.call.CallId;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.session.BrowserSession;
import dev.parley.domain.session.SdpOffer;
import dev.parley.domain.shared.TenantId;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * Browser realtime sessions: briefs the session from the scenario or organization, has the vendor mint a client
 * secret (the vendor is asked before any call record exists, so a refusal leaves nothing behind),
 * records the call, and later relays the browser's WebRTC offer for its own, unexpired session once; the
 * connected call is then handed to the conversation context, which takes the server's side of it (the sideband).
 */
public final class BrowserSessionService implements StartBrowserSessionUseCase, StartOrganizationSessionUseCase, RelayBrowserSignalUseCase {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SessionBriefing briefing;
    private final BrowserRealtime realtime;
    private final BrowserSessions sessions;
    private final StartBrowserCallUseCase calls;
    private final TrackConversationPhaseUseCase phases;
    private final OpenBrowserCallUseCase browserCalls;
    private final Clock clock;

    /**
     * @param phases       an organization's session begins its call's conversation (greeting), as its phone calls do
     * @param browserCalls takes the server's side of each connected call
     */
    public BrowserSessionService(SessionBriefing briefing, BrowserRealtime realtime, BrowserSessions sessions,
                                 StartBrowserCallUseCase calls, TrackConversationPhaseUseCase phases, OpenBrowserCallUseCase browserCalls,
                                 Clock clock) {
        this.briefing = briefing;
        this.realtime = realtime;
        this.sessions = sessions;
        this.calls = calls;
        this.phases = phases;
        this.browserCalls = browserCalls;
        this.clock = clock;
    }

    @Override
    public BrowserSessionView start(TenantId tenant, String scenarioRef) {
        return open(tenant, briefing.forScenario(tenant, scenarioRef).orElseThrow(ScenarioNotFoundException::new));
    }

    @Override
    public BrowserSessionView start(TenantId tenant, OrgId org) {
        BrowserSessionView view = open(tenant, briefing.forScenario(tenant, org.callRef()).orElseThrow(OrganizationNotFoundException::new));
        phases.began(tenant, org, new CallId(view.callId()));
        return view;
    }

    private BrowserSessionView open(TenantId tenant, BrowserBrief brief) {
        BrowserRealtime.ClientSecret secret = realtime.mintClientSecret(brief);
        CallId call = calls.start(tenant, brief.scenarioRef());
        BrowserSession session = new BrowserSession(newId(), tenant, call, brief.scenarioRef(), secret.expiresAt());
        sessions.purgeExpired(clock.instant());
        sessions.save(session);
        return new BrowserSessionView(session.id(), secret.value(), secret.expiresAt(), secret.model(), secret.voice(), call.value());
    }

    @Override
    public String relay(TenantId tenant, String sessionId, SdpOffer offer) {
        if (sessionId == null || sessionId.isBlank()) throw new BrowserSessionNotFoundException();
        BrowserSession session = sessions.find(sessionId.strip())
                .filter(s -> s.usableBy(tenant, clock.instant()) && !s.isSignalled())
                .orElseThrow(BrowserSessionNotFoundException::new);
        BrowserBrief brief = briefing.forScenario(tenant, session.scenarioRef()).orElseThrow(ScenarioNotFoundException::new);
        BrowserRealtime.SignalAnswer answer;
        synchronized (session) {
            if (session.isSignalled()) throw new BrowserSessionNotFoundException();
            answer = realtime.connect(brief, offer);
            session.signalled(answer.callId());
        }
        sessions.save(session);
        // connecting happens in the background; a sideband that cannot connect ends the call, never this answer
        browserCalls.open(new BrowserCallCommand(session.callId(), tenant, session.scenarioRef(), answer.callId()));
        return answer.sdp();
    }

    private static String newId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return "bs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package dev.parley.application.conversation.service;

import dev.parley.application.call.port.in.CallJournal;
import dev.parley.application.call.port.in.EndBrowserCallUseCase;
import dev.parley.application.call.port.in.RedeemStreamTokenUseCase.RedeemedStream;
import dev.parley.application.conversation.port.in.OpenBrowserCallUseCase;
import dev.parley.application.conversation.port.out.CallTool;
import dev.parley.application.conversation.port.out.ConversationSideband;
import dev.parley.application.conversation.port.out.ToolContext;
import dev.parley.application.scenario.port.in.CallScenario;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.domain.call.CallDirection;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Takes the server's side of a browser's WebRTC call: opens the sideband to the vendor's call and runs it as
 * a {@link BrowserCall} with the tools of the session's scenario (or organization: its tools and watch, and its
 * phases). The sideband tells the model exactly these tools, so what it may call is what the server runs, however
 * the session was briefed.
 */
public final class OpenBrowserCallService implements OpenBrowserCallUseCase {
    private final FindCallScenarioUseCase scenarios;
    private final ConversationSideband sideband;
    private final CallJournal journal;
    private final EndBrowserCallUseCase ends;
    private final Executor blocking;
    private final Clock clock;
    private final LiveCalls registry;
    private final CallTools tools;
    private final OrganizationCalls organizations;
    private final java.time.Duration goodbyeLimit;

    /**
     * @param journal       where lines go (the publishing journal: consoles see them)
     * @param organizations sets up calls that run for an organization; null: none do
     */
    public OpenBrowserCallService(FindCallScenarioUseCase scenarios, ConversationSideband sideband, CallJournal journal,
                                  EndBrowserCallUseCase ends, Executor blocking, Clock clock, LiveCalls registry, CallTools tools,
                                  OrganizationCalls organizations) {
        this(scenarios, sideband, journal, ends, blocking, clock, registry, tools, organizations, BrowserCall.GOODBYE_LIMIT);
    }

    /** @param goodbyeLimit how long an ending call's goodbye may play before it is hung up anyway */
    public OpenBrowserCallService(FindCallScenarioUseCase scenarios, ConversationSideband sideband, CallJournal journal,
                                  EndBrowserCallUseCase ends, Executor blocking, Clock clock, LiveCalls registry, CallTools tools,
                                  OrganizationCalls organizations, java.time.Duration goodbyeLimit) {
        this.goodbyeLimit = goodbyeLimit;
        this.scenarios = scenarios;
        this.sideband = sideband;
        this.journal = journal;
        this.ends = ends;
        this.blocking = blocking;
        this.clock = clock;
        this.registry = registry;
        this.tools = tools;
        this.organizations = organizations;
    }

    @Override
    public void open(BrowserCallCommand command) {
        // the phone call's parts take the call as a redeemed stream: the vendor's call stands in for the carrier's
        RedeemedStream call = new RedeemedStream(command.call(), command.tenant(), CallDirection.INBOUND, command.scenarioRef(),
                command.vendorCallId());
        BrowserCall browser = new BrowserCall(command, new CallTranscript(call, journal, clock), sideband, ends, registry, blocking,
                goodbyeLimit);
        try {
            Optional<CallScenario> scenario = scenarios.find(command.tenant(), command.scenarioRef());
            if (scenario.isEmpty()) {
                browser.fail("scenario-unavailable");
                return;
            }
            List<CallTool> callTools = tools.forBrowserCall(scenario.get());
            CallerWatch watch = null;
            Optional<OrganizationCalls.Setup> org = organizations == null ? Optional.empty()
                    : organizations.setUpBrowserCall(call, callTools);
            if (org.isPresent()) {
                callTools = org.get().tools();
                watch = org.get().watch();
            }
            CallToolbox toolbox = new CallToolbox(callTools,
                    new ToolContext(command.call(), command.tenant(), CallDirection.INBOUND, command.scenarioRef()), blocking);
            browser.attach(sideband.attach(command.vendorCallId(), toolbox.brief(), browser), toolbox, watch);
        } catch (RuntimeException e) {
            // the call cannot be supervised (its scenario or organization could not be read): it is not left running unseen
            browser.fail("sideband-failed");
        }
    }
}

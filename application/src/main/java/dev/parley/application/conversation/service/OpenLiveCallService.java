package dev.parley.application.conversation.service;

import dev.parley.application.call.port.in.CallJournal;
import dev.parley.application.call.port.in.RedeemStreamTokenUseCase;
import dev.parley.application.call.port.in.RedeemStreamTokenUseCase.RedeemedStream;
import dev.parley.application.call.port.out.CallControl;
import dev.parley.application.conversation.port.in.MediaStreamHandler;
import dev.parley.application.conversation.port.in.OpenLiveCallUseCase;
import dev.parley.application.conversation.port.out.CarrierStream;
import dev.parley.application.conversation.port.out.ConversationBrief;
import dev.parley.application.conversation.port.out.ConversationModel;
import dev.parley.application.conversation.port.out.ToolContext;
import dev.parley.application.scenario.port.in.CallScenario;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.call.CallId;

import dev.parley.application.conversation.port.out.CallTool;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/** Attaches an arriving media stream to its call (once) and starts the conversation from the call's scenario. */
public final class OpenLiveCallService implements OpenLiveCallUseCase {
    private final RedeemStreamTokenUseCase tokens;
    private final FindCallScenarioUseCase scenarios;
    private final ConversationModel model;
    private final CallJournal journal;
    private final CallControl control;
    private final Executor blocking;
    private final ConversationPolicy policy;
    private final Clock clock;
    private final LiveCalls registry;
    private final CallTools tools;
    private final OrganizationCalls organizations;

    public OpenLiveCallService(RedeemStreamTokenUseCase tokens, FindCallScenarioUseCase scenarios, ConversationModel model,
                               CallJournal journal, CallControl control, Executor blocking, ConversationPolicy policy, Clock clock,
                               LiveCalls registry) {
        this(tokens, scenarios, model, journal, control, blocking, policy, clock, registry, new CallTools(policy));
    }

    /** @param tools picks each call's tools from its scenario */
    public OpenLiveCallService(RedeemStreamTokenUseCase tokens, FindCallScenarioUseCase scenarios, ConversationModel model,
                               CallJournal journal, CallControl control, Executor blocking, ConversationPolicy policy, Clock clock,
                               LiveCalls registry, CallTools tools) {
        this(tokens, scenarios, model, journal, control, blocking, policy, clock, registry, tools, null);
    }

    /** @param organizations sets up calls that run for an organization (their brief, tools and caller watch); null: none do */
    public OpenLiveCallService(RedeemStreamTokenUseCase tokens, FindCallScenarioUseCase scenarios, ConversationModel model,
                               CallJournal journal, CallControl control, Executor blocking, ConversationPolicy policy, Clock clock,
                               LiveCalls registry, CallTools tools, OrganizationCalls organizations) {
        this.organizations = organizations;
        this.tools = tools;
        this.tokens = tokens;
        this.scenarios = scenarios;
        this.model = model;
        this.journal = journal;
        this.control = control;
        this.blocking = blocking;
        this.policy = policy;
        this.clock = clock;
        this.registry = registry;
    }

    @Override
    public Optional<MediaStreamHandler> open(OpenLiveCallCommand command, CarrierStream carrier) {
        long id;
        try {
            id = Long.parseLong(command.callId() == null ? "" : command.callId().strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (id <= 0) return Optional.empty();
        Optional<RedeemedStream> redeemed = tokens.redeem(new CallId(id), command.token(), command.carrierSid());
        if (redeemed.isEmpty()) return Optional.empty();
        RedeemedStream call = redeemed.get();
        LiveCall live = new LiveCall(call, carrier, new CarrierActions(call.carrierSid(), control, carrier, blocking, policy),
                new CallTranscript(call, journal, clock), registry);
        registry.add(live);
        Optional<CallScenario> scenario = scenarios.find(call.tenant(), call.scenarioRef());
        if (scenario.isEmpty()) {
            // the scenario was deleted after the call was placed: apologise rather than improvise
            live.fail("scenario-unavailable");
            return Optional.of(live);
        }
        CallScenario s = scenario.get();
        boolean greet = call.direction() == CallDirection.OUTBOUND || s.greetsFirst();
        List<CallTool> callTools = tools.forCall(s);
        String instructions = s.instructions();
        String language = null;
        CallerWatch watch = null;
        Optional<OrganizationCalls.Setup> org = organizations == null ? Optional.empty() : organizations.setUp(call, callTools);
        if (org.isPresent()) {
            callTools = org.get().tools();
            instructions = org.get().brief().instructions();
            language = org.get().brief().transcriptionLanguage();
            watch = org.get().watch();
        }
        CallToolbox toolbox = new CallToolbox(callTools,
                new ToolContext(call.call(), call.tenant(), call.direction(), call.scenarioRef()), blocking);
        ConversationBrief brief = new ConversationBrief(instructions, s.voice(), s.temperature(), toolbox.brief(), language);
        live.attach(model.open(brief, live, carrier.executor()), toolbox, greet, watch);
        return Optional.of(live);
    }
}

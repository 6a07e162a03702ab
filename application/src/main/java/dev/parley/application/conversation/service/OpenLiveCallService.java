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
import dev.parley.application.scenario.port.in.CallScenario;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.call.CallId;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/** Attaches an arriving media stream to its call (once) and starts the conversation from the call's scenario. */
public final class OpenLiveCallService implements OpenLiveCallUseCase {
    static final List<ConversationBrief.Tool> TOOLS = List.of(
            new ConversationBrief.Tool(LiveCall.END_CALL,
                    "End the phone call. Say a short goodbye first; the line is hung up once it has been heard.",
                    "{\"type\":\"object\",\"properties\":{\"reason\":{\"type\":\"string\",\"description\":\"Why the call ends\"}}}"),
            new ConversationBrief.Tool(LiveCall.TRANSFER,
                    "Transfer the caller to a human colleague, when they ask for a person or you cannot help. "
                            + "Tell the caller you are transferring them first.",
                    "{\"type\":\"object\",\"properties\":{\"reason\":{\"type\":\"string\",\"description\":\"Why a person is needed\"}}}"));

    private final RedeemStreamTokenUseCase tokens;
    private final FindCallScenarioUseCase scenarios;
    private final ConversationModel model;
    private final CallJournal journal;
    private final CallControl control;
    private final Executor blocking;
    private final ConversationPolicy policy;
    private final Clock clock;
    private final LiveCalls registry;

    public OpenLiveCallService(RedeemStreamTokenUseCase tokens, FindCallScenarioUseCase scenarios, ConversationModel model,
                               CallJournal journal, CallControl control, Executor blocking, ConversationPolicy policy, Clock clock,
                               LiveCalls registry) {
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
        LiveCall live = new LiveCall(call, carrier, journal, control, blocking, policy, clock, registry);
        registry.add(live);
        Optional<CallScenario> scenario = scenarios.find(call.tenant(), call.scenarioRef());
        if (scenario.isEmpty()) {
            // the scenario was deleted after the call was placed: apologise rather than improvise
            live.fail("scenario-unavailable");
            return Optional.of(live);
        }
        CallScenario s = scenario.get();
        boolean greet = call.direction() == CallDirection.OUTBOUND || s.greetsFirst();
        live.attach(model.open(new ConversationBrief(s.instructions(), s.voice(), s.temperature(), TOOLS), live, carrier.executor()), greet);
        return Optional.of(live);
    }
}

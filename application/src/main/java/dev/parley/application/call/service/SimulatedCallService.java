package dev.parley.application.call.service;

import dev.parley.application.call.port.in.StartSimulatedCallUseCase;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.application.scenario.port.in.ScenarioNotFoundException;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallStatus;
import dev.parley.domain.shared.PhoneNumber;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Simulated calls: stored like an outbound call that was answered at once (the softphone is the phone
 * that rings), with a carrier SID of our own ({@code SIM…}) and the one-time stream token.
 * Their numbers are fixed placeholders from the range reserved for examples.
 */
public final class SimulatedCallService implements StartSimulatedCallUseCase {
    /** The simulated far end and line: numbers no carrier routes (the 555-01xx range is for fiction). */
    public static final PhoneNumber SIMULATED_CALLER = PhoneNumber.parse("+15555550100");
    public static final PhoneNumber SIMULATED_LINE = PhoneNumber.parse("+15555550199");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FindCallScenarioUseCase scenarios;
    private final CallRepository calls;
    private final Transactions transactions;
    private final Clock clock;
    private final CallPolicy policy;

    public SimulatedCallService(FindCallScenarioUseCase scenarios, CallRepository calls, Transactions transactions, Clock clock,
                                CallPolicy policy) {
        this.scenarios = scenarios;
        this.calls = calls;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public SimulatedCallTicket start(StartSimulatedCallCommand command) {
        String scenarioRef = command.scenarioRef() == null ? "" : command.scenarioRef().strip();
        if (scenarioRef.isEmpty() || scenarios.find(command.tenant(), scenarioRef).isEmpty()) throw new ScenarioNotFoundException();
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String sid = SID_PREFIX + HexFormat.of().formatHex(random);
        String token = StreamTokens.newToken();
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Call call = Call.placeOutbound(calls.nextId(), command.tenant(), SIMULATED_CALLER, SIMULATED_LINE, scenarioRef, now);
            call.dialled(sid);
            call.recordStatus(CallStatus.IN_PROGRESS, now, -1);
            calls.add(call);
            call.issueStreamToken(StreamTokens.hash(token), now.plus(policy.streamTokenLifetime()));
            calls.update(call);
            return new SimulatedCallTicket(call.id(), sid, token);
        });
    }
}

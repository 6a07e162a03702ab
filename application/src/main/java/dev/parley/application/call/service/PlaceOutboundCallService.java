package dev.parley.application.call.service;

import dev.parley.application.call.port.in.CallNotPlacedException;
import dev.parley.application.call.port.in.PlaceOutboundCallUseCase;
import dev.parley.application.scenario.port.in.ScenarioNotFoundException;
import dev.parley.application.call.port.out.CallControl;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.application.shared.PublicUrl;
import dev.parley.application.shared.Transactions;
import dev.parley.application.telephony.port.in.ChooseCallerIdUseCase;
import dev.parley.domain.call.Call;
import dev.parley.domain.shared.PhoneNumber;

import java.time.Clock;

/** Stores the call (queued), then asks the carrier to dial it with our instruction and callback URLs. */
public final class PlaceOutboundCallService implements PlaceOutboundCallUseCase {
    private final FindCallScenarioUseCase scenarios;
    private final ChooseCallerIdUseCase callerIds;
    private final CallRepository calls;
    private final CallControl control;
    private final Transactions transactions;
    private final PublicUrl publicUrl;
    private final Clock clock;

    public PlaceOutboundCallService(FindCallScenarioUseCase scenarios, ChooseCallerIdUseCase callerIds, CallRepository calls,
                                    CallControl control, Transactions transactions, PublicUrl publicUrl, Clock clock) {
        this.scenarios = scenarios;
        this.callerIds = callerIds;
        this.calls = calls;
        this.control = control;
        this.transactions = transactions;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public PlacedCall place(PlaceOutboundCallCommand command) {
        String scenarioRef = command.scenarioRef() == null ? "" : command.scenarioRef().strip();
        if (scenarioRef.isEmpty() || scenarios.find(command.tenant(), scenarioRef).isEmpty()) throw new ScenarioNotFoundException();
        PhoneNumber from = callerIds.callerIdFor(command.tenant());
        Call call = transactions.inTransaction(() -> {
            Call c = Call.placeOutbound(calls.nextId(), command.tenant(), command.to(), from, scenarioRef, clock.instant());
            calls.add(c);
            return c;
        });
        String sid;
        try {
            sid = control.dial(new CallControl.DialRequest(command.to(), from,
                    publicUrl.http("/outbound-call/" + call.id().value()),
                    publicUrl.http("/call-status/" + call.id().value()),
                    publicUrl.http("/recording-callback")));
        } catch (CallControl.CallControlException e) {
            transactions.run(() -> calls.findForUpdate(call.id()).ifPresent(c -> {
                c.notPlaced("carrier-refused", clock.instant());
                calls.update(c);
            }));
            throw new CallNotPlacedException("The call could not be placed: " + e.getMessage(), e.retryable());
        }
        transactions.run(() -> calls.findForUpdate(call.id()).ifPresent(c -> {
            if (c.carrierSid().isEmpty()) {
                c.dialled(sid);
                calls.update(c);
            }
        }));
        return new PlacedCall(call.id(), sid);
    }
}

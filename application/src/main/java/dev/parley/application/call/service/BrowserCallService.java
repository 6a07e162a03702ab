package dev.parley.application.call.service;

import dev.parley.application.call.port.in.EndBrowserCallUseCase;
import dev.parley.application.call.port.in.StartBrowserCallUseCase;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallChannel;
import dev.parley.domain.call.CallStatus;
import dev.parley.domain.shared.TenantId;

import java.time.Clock;

/** Creates the call record of a browser session, and completes it when its WebRTC call is over (under a row lock). */
public final class BrowserCallService implements StartBrowserCallUseCase, EndBrowserCallUseCase {
    private final CallRepository calls;
    private final Transactions transactions;
    private final Clock clock;

    public BrowserCallService(CallRepository calls, Transactions transactions, Clock clock) {
        this.calls = calls;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public CallId start(TenantId tenant, String scenarioRef) {
        Call call = Call.startBrowser(calls.nextId(), tenant, scenarioRef, clock.instant());
        calls.add(call);
        return call.id();
    }

    @Override
    public boolean end(TenantId tenant, CallId id, String reason) {
        return transactions.inTransaction(() -> calls.findForUpdate(id)
                .filter(c -> c.tenant().equals(tenant) && c.channel() == CallChannel.BROWSER)
                .map(call -> {
                    if (call.isEnded()) return false;
                    call.noteEndReason(reason);
                    boolean moved = call.recordStatus(CallStatus.COMPLETED, clock.instant(), -1);
                    if (moved) calls.update(call);
                    return moved;
                }).orElse(false));
    }
}

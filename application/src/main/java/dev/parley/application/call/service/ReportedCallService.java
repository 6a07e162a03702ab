package dev.parley.application.call.service;

import dev.parley.application.call.port.in.StartBrowserCallUseCase;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

import java.time.Clock;

/** Creates the call record of a browser session. */
public final class BrowserCallService implements StartBrowserCallUseCase {
    private final CallRepository calls;
    private final Clock clock;

    public BrowserCallService(CallRepository calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public CallId start(TenantId tenant, String scenarioRef) {
        Call call = Call.startBrowser(calls.nextId(), tenant, scenarioRef, clock.instant());
        calls.add(call);
        return call.id();
    }
}

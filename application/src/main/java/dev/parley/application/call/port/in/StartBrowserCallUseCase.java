package dev.parley.application.call.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

/** Records a browser realtime session as a call (channel {@code browser}), in progress from now. */
public interface StartBrowserCallUseCase {
    CallId start(TenantId tenant, String scenarioRef);
}

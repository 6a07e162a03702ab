package dev.parley.application.session.port.in;

import dev.parley.domain.shared.TenantId;

/**
 * Opens a browser realtime session for a scenario (seed 004 {@code POST /realtime/session}): briefed
 * as a phone call of that scenario would be, with a short-lived client secret instead of the server's key.
 */
public interface StartBrowserSessionUseCase {
    /**
     * @throws dev.parley.application.scenario.port.in.ScenarioNotFoundException no such scenario for this tenant
     * @throws dev.parley.application.session.port.out.RealtimeUnavailableException the vendor is not configured or refused
     */
    BrowserSessionView start(TenantId tenant, String scenarioRef);
}

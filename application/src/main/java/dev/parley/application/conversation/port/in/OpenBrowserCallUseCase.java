package dev.parley.application.conversation.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

/**
 * A browser's WebRTC call was connected at the vendor: the server takes its side over the sideband, and
 * from then on the call is handled like a phone call (transcripts stored and shown on the consoles, tools
 * run on the server, the call record completed when it ends). Blocks briefly (the call's scenario is read);
 * connecting happens in the background, and a sideband that cannot connect ends the call (never this method).
 */
public interface OpenBrowserCallUseCase {
    void open(BrowserCallCommand command);

    /**
     * @param call         our call record of the browser session
     * @param scenarioRef  the scenario (or organization) the session was briefed from
     * @param vendorCallId the vendor's id of the WebRTC call (OpenAI's {@code rtc_…})
     */
    record BrowserCallCommand(CallId call, TenantId tenant, String scenarioRef, String vendorCallId) {
    }
}

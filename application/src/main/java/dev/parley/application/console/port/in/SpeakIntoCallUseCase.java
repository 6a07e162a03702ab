package dev.parley.application.console.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

/**
 * A human agent's typed words for a live call: stored as an agent line, then spoken into the call
 * by whichever instance holds its media stream; the AI assistant stops talking (takeover) until
 * the console hands the call back.
 */
public interface SpeakIntoCallUseCase {
    int MAX_LENGTH = 4096;

    /**
     * @throws dev.parley.application.call.port.in.CallNotFoundException for an unknown or another tenant's call
     * @throws CallNotLiveException when the call is over
     */
    void speak(TenantId tenant, CallId call, String text);

    /** Gives the call back to the AI assistant. Same exceptions as {@link #speak}. */
    void handBack(TenantId tenant, CallId call);
}

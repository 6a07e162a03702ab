package dev.parley.application.console.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

/**
 * A console sends the caller's audio for transcription (seed 002 {@code audio_data}; for calls a
 * human handles without the assistant's own transcription): the text is stored as a customer line
 * and told to the tenant's consoles as a {@code customer_transcript}.
 */
public interface TranscribeCustomerAudioUseCase {
    int MAX_AUDIO_BYTES = 160_000;   // 20 s of 8 kHz μ-law per message

    /**
     * @param mulaw G.711 μ-law samples at {@code sampleRate}
     * @param language ISO-639-1 hint, or {@code auto}
     * @throws dev.parley.application.call.port.in.CallNotFoundException for an unknown or another tenant's call
     * @return the recognised text (empty when nothing was said)
     */
    String transcribe(TenantId tenant, CallId call, byte[] mulaw, int sampleRate, String language);
}

package dev.parley.application.transcript.port.in;

import dev.parley.domain.shared.TenantId;
import dev.parley.domain.transcript.AudioUpload;

/** Transcribes an uploaded audio file directly (OpenAI). */
public interface TranscribeAudioUseCase {
    /** @param language ISO-639-1 hint, blank to detect */
    String transcribe(TenantId tenant, AudioUpload audio, String language);
}

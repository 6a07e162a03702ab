package dev.parley.application.transcript.port.out;

import dev.parley.domain.transcript.AudioUpload;

/** Turns recorded speech into text (OpenAI's transcription API). Throws {@link TranscriptionUnavailableException}. */
public interface SpeechToText {
    /** @param language ISO-639-1 hint, blank to let the service detect it */
    String transcribe(AudioUpload audio, String language);
}

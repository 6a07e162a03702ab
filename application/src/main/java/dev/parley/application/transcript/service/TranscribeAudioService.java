package dev.parley.application.transcript.service;

import dev.parley.application.transcript.port.in.TranscribeAudioUseCase;
import dev.parley.application.transcript.port.out.SpeechToText;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.transcript.AudioUpload;

import java.util.Locale;

/** Direct transcription of an uploaded file; nothing is stored. */
public final class TranscribeAudioService implements TranscribeAudioUseCase {
    private final SpeechToText speechToText;

    public TranscribeAudioService(SpeechToText speechToText) {
        this.speechToText = speechToText;
    }

    @Override
    public String transcribe(TenantId tenant, AudioUpload audio, String language) {
        String lang = language == null ? "" : language.strip();
        if (!lang.isEmpty() && !lang.matches("[a-zA-Z]{2}"))
            throw new InvalidValueException("language", "language.invalid", "language is a two-letter ISO-639-1 code, e.g. en");
        return speechToText.transcribe(audio, lang.toLowerCase(Locale.ROOT));
    }
}

package dev.parley.domain.transcript;

import dev.parley.domain.shared.InvalidValueException;

/** An upload over the transcription size limit. */
public class AudioTooLargeException extends InvalidValueException {
    public AudioTooLargeException(long maxBytes) {
        super("file", "audio.too-large", "The audio file is larger than " + (maxBytes / (1024 * 1024)) + " MB");
    }
}

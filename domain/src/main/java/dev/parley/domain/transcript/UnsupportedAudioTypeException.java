package dev.parley.domain.transcript;

import dev.parley.domain.shared.InvalidValueException;

/** An upload in a format the transcription service does not read. */
public class UnsupportedAudioTypeException extends InvalidValueException {
    public UnsupportedAudioTypeException() {
        super("file", "audio.unsupported-type",
                "Unsupported audio type; send one of " + String.join(", ", new java.util.TreeSet<>(AudioUpload.EXTENSIONS))
                        + " (by file name extension)");
    }
}

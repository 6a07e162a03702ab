package dev.parley.domain.transcript;

import java.util.Locale;

/**
 * Where a transcript comes from: the lines this server captured while it bridged the call
 * ({@code live}), or Twilio Voice Intelligence's transcription of the recording
 * ({@code intelligence}). When a call has both, the Intelligence transcript is the one listed.
 */
public enum TranscriptSource {
    LIVE, INTELLIGENCE;

    /** The lower-case form used in JSON and storage. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TranscriptSource parse(String raw) {
        return "live".equalsIgnoreCase(raw == null ? "" : raw.strip()) ? LIVE : INTELLIGENCE;
    }
}

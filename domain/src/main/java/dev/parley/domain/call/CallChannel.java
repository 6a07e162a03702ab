package dev.parley.domain.call;

import java.util.Locale;

/** How the other party reached the assistant: a carrier phone call, or a browser over WebRTC (seeds 003/004). */
public enum CallChannel {
    PHONE, BROWSER;

    /** {@code phone} or {@code browser}: the form used in JSON and storage. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the stored form; anything unknown (older rows have the column default) is a phone call. */
    public static CallChannel parse(String raw) {
        return "browser".equalsIgnoreCase(raw == null ? "" : raw.strip()) ? BROWSER : PHONE;
    }
}

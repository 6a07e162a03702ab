package dev.parley.domain.transcript;

import java.util.Locale;

/** The part a voice plays in a call: our AI agent or the customer it talks to. */
public enum SpeakerRole {
    AGENT("AI Agent"), CUSTOMER("Customer");

    private final String displayName;

    SpeakerRole(String displayName) {
        this.displayName = displayName;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return displayName;
    }

    public static SpeakerRole parse(String raw) {
        return "agent".equalsIgnoreCase(raw == null ? "" : raw.strip()) ? AGENT : CUSTOMER;
    }
}

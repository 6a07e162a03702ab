package dev.parley.domain.organization;

import java.util.Locale;
import java.util.Optional;

/** How fast a person must look at a call. */
public enum Urgency {
    NORMAL, HIGH, EMERGENCY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Urgency> parse(String raw) {
        if (raw == null) return Optional.empty();
        for (Urgency u : values()) if (u.wire().equals(raw.strip().toLowerCase(Locale.ROOT))) return Optional.of(u);
        return Optional.empty();
    }
}

package dev.parley.application.console.port.in;

import dev.parley.domain.call.CallStatus;

import java.util.Locale;
import java.util.Optional;

/** The four call states a live console shows (seed 002), derived from the carrier's lifecycle. */
public enum ConsoleStatus {
    INCOMING, ANSWERED, IN_PROGRESS, ENDED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConsoleStatus> fromWire(String value) {
        for (ConsoleStatus s : values()) if (s.wire().equals(value)) return Optional.of(s);
        return Optional.empty();
    }

    /** queued/ringing → incoming, in-progress → answered, any final status → ended. */
    public static ConsoleStatus of(CallStatus status) {
        if (status.isFinal()) return ENDED;
        return status == CallStatus.IN_PROGRESS ? ANSWERED : INCOMING;
    }
}

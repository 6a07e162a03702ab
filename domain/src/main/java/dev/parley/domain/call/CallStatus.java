package dev.parley.domain.call;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a call is in its life, named as the carrier names it. Statuses only move forward
 * (queued, ringing, in-progress, then one final status); a final status never changes.
 */
public enum CallStatus {
    QUEUED("queued", 0),
    RINGING("ringing", 1),
    IN_PROGRESS("in-progress", 2),
    COMPLETED("completed", 3),
    BUSY("busy", 3),
    FAILED("failed", 3),
    NO_ANSWER("no-answer", 3),
    CANCELED("canceled", 3);

    private final String wire;
    private final int rank;

    CallStatus(String wire, int rank) {
        this.wire = wire;
        this.rank = rank;
    }

    public String wire() {
        return wire;
    }

    public boolean isFinal() {
        return rank == 3;
    }

    /** Whether a call in this status may move to {@code next}: forward only, never out of a final status. */
    public boolean canMoveTo(CallStatus next) {
        return !isFinal() && next.rank > rank;
    }

    /** The carrier's name ({@code in-progress}, …); {@code initiated} counts as queued. Empty for anything unknown. */
    public static Optional<CallStatus> fromWire(String value) {
        if (value == null) return Optional.empty();
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("initiated")) return Optional.of(QUEUED);
        for (CallStatus s : values()) if (s.wire.equals(v)) return Optional.of(s);
        return Optional.empty();
    }
}

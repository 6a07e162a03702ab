package dev.parley.domain.call;

/** Identifies one call of ours (the carrier's CallSid is a separate reference). */
public record CallId(long value) {
    public CallId {
        if (value <= 0) throw new IllegalArgumentException("A call id is positive");
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

package dev.parley.domain.call;

/** Who dialled: the caller reached one of our numbers (inbound) or we placed the call (outbound). */
public enum CallDirection {
    INBOUND, OUTBOUND;

    /** {@code inbound} or {@code outbound}. */
    public String wire() {
        return name().toLowerCase();
    }

    public static CallDirection fromWire(String value) {
        return valueOf(value.toUpperCase());
    }
}

package dev.parley.domain.call;

import dev.parley.domain.shared.InvalidValueException;

import java.util.Locale;

/** Who dialled: the caller reached one of our numbers (inbound) or we placed the call (outbound). */
public enum CallDirection {
    INBOUND, OUTBOUND;

    /** {@code inbound} or {@code outbound}: the form used in JSON and storage. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code inbound}/{@code outbound}, in any case (Twilio's {@code outbound-api} and
     * {@code outbound-dial} count as outbound).
     */
    public static CallDirection parse(String raw) {
        String v = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (v.equals("inbound")) return INBOUND;
        if (v.equals("outbound") || v.startsWith("outbound-")) return OUTBOUND;
        throw new InvalidValueException("call_direction", "call-direction.invalid", "call_direction must be inbound or outbound");
    }
}

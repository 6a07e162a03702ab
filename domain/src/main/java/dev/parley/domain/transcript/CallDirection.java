package dev.parley.domain.transcript;

import dev.parley.domain.shared.InvalidValueException;

import java.util.Locale;

/** Who placed the call: the customer ({@code inbound}) or our agent ({@code outbound}). */
public enum CallDirection {
    INBOUND, OUTBOUND;

    /** The lower-case form used in JSON and storage. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code inbound}/{@code outbound} (Twilio's {@code outbound-api} and {@code outbound-dial} count as outbound). */
    public static CallDirection parse(String raw) {
        String v = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (v.equals("inbound")) return INBOUND;
        if (v.equals("outbound") || v.startsWith("outbound-")) return OUTBOUND;
        throw new InvalidValueException("call_direction", "call-direction.invalid", "call_direction must be inbound or outbound");
    }
}

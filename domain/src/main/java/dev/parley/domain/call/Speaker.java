package dev.parley.domain.call;

import java.util.Locale;

/** Who said a line of a call: the customer on the phone, or the agent (the AI assistant or a human). */
public enum Speaker {
    CUSTOMER, AGENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Speaker fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

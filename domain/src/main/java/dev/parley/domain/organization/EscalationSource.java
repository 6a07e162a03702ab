package dev.parley.domain.organization;

import java.util.Locale;

/** What raised an escalation: a keyword the caller said, an uncertainty pattern, the assistant's tool, or a person's override. */
public enum EscalationSource {
    EMERGENCY_KEYWORD, HIGH_PRIORITY_KEYWORD, UNCERTAINTY, ASSISTANT, MANUAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EscalationSource parse(String raw) {
        return valueOf(raw.toUpperCase(Locale.ROOT));
    }
}

package dev.parley.domain.organization;

import java.util.Locale;

/** What an escalation did: the caller was transferred to a person, or the call was flagged for one to follow up. */
public enum EscalationAction {
    TRANSFERRED, FLAGGED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The rule: an emergency keyword or an explicit request for a person (the assistant's tool, a person's
     * override) transfers when the organization has a number to transfer to and transfers are on; everything
     * else, and everything without such a number, flags the call.
     */
    public static EscalationAction decide(EscalationSource source, EscalationPolicy policy) {
        boolean transferable = switch (source) {
            case EMERGENCY_KEYWORD, ASSISTANT, MANUAL -> true;
            case HIGH_PRIORITY_KEYWORD, UNCERTAINTY -> false;
        };
        return transferable && policy.transferTo().isPresent() ? TRANSFERRED : FLAGGED;
    }

    public static EscalationAction parse(String raw) {
        return valueOf(raw.toUpperCase(Locale.ROOT));
    }
}

package dev.parley.domain.organization;

import java.util.Objects;

/** Why a caller's words call for a person: the rule that matched, the words that matched it, and how urgent it is. */
public record EscalationTrigger(EscalationSource source, String words, Urgency urgency) {
    public EscalationTrigger {
        Objects.requireNonNull(source);
        Objects.requireNonNull(words);
        Objects.requireNonNull(urgency);
    }
}

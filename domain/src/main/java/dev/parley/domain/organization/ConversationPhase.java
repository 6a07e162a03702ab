package dev.parley.domain.organization;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an organization's conversation stands: greeting, then intake (the caller has spoken), clarification
 * (collected data had to be fixed), escalation (a person is needed), completed (the intake is complete).
 * The phase moves only on these events; anything else leaves it where it is.
 */
public enum ConversationPhase {
    GREETING, INTAKE, CLARIFICATION, ESCALATION, COMPLETED;

    /** The caller said something: the greeting is over. */
    public ConversationPhase callerSpoke() {
        return this == GREETING ? INTAKE : this;
    }

    /** The assistant's intake was refused (a required field missing, a value wrong): it must clarify. */
    public ConversationPhase intakeRefused() {
        return this == GREETING || this == INTAKE ? CLARIFICATION : this;
    }

    /** The intake was accepted: the conversation's work is done, whatever came before. */
    public ConversationPhase intakeCompleted() {
        return COMPLETED;
    }

    /** A person is needed: the call is in escalation, unless its intake is already complete. */
    public ConversationPhase escalated() {
        return this == COMPLETED ? COMPLETED : ESCALATION;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConversationPhase> parse(String raw) {
        if (raw == null) return Optional.empty();
        for (ConversationPhase p : values()) if (p.wire().equals(raw.strip().toLowerCase(Locale.ROOT))) return Optional.of(p);
        return Optional.empty();
    }
}

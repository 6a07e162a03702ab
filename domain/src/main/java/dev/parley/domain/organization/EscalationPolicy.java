package dev.parley.domain.organization;

import dev.parley.domain.shared.PhoneNumber;

import java.util.List;
import java.util.Optional;

/**
 * When a call needs a person: keywords that mean danger (emergency) or urgency (high priority), and what to do.
 *
 * @param transferNumber where an emergency or a request for a person is transferred; null: nobody, calls are only flagged
 * @param transfer       false: even with a number, escalations only flag the call for a person to follow up
 */
public record EscalationPolicy(PhoneNumber transferNumber, List<String> emergencyKeywords, List<String> highPriorityKeywords,
                               boolean transfer) {
    /** Said by a caller in danger, in most services; an organization without its own list uses these. */
    public static final List<String> DEFAULT_EMERGENCY_KEYWORDS = List.of("emergency", "chest pain", "can't breathe",
            "cannot breathe", "unconscious", "overdose", "suicide", "kill myself", "severe bleeding", "heart attack", "stroke");

    public EscalationPolicy {
        emergencyKeywords = emergencyKeywords == null ? DEFAULT_EMERGENCY_KEYWORDS
                : Limits.texts("escalation.emergency_keywords", emergencyKeywords, 50, 60);
        highPriorityKeywords = Limits.texts("escalation.high_priority_keywords", highPriorityKeywords, 50, 60);
    }

    public static EscalationPolicy defaults() {
        return new EscalationPolicy(null, null, List.of(), true);
    }

    /** Where escalations go: a number to transfer to, when one is set and transfers are on. */
    public Optional<PhoneNumber> transferTo() {
        return transfer ? Optional.ofNullable(transferNumber) : Optional.empty();
    }
}

package dev.parley.domain.organization;

import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.Objects;

/**
 * One escalation of a call, kept for good: what raised it, the words, why, how urgent, what was done, and when.
 *
 * @param words  the caller's words that matched (keywords), or empty
 * @param reason the assistant's or the person's reason, or a description of the rule that matched
 */
public record Escalation(CallId call, TenantId tenant, OrgId org, EscalationSource source, String words, String reason,
                         Urgency urgency, EscalationAction action, Instant at) {
    public Escalation {
        Objects.requireNonNull(call);
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(org);
        Objects.requireNonNull(source);
        words = words == null ? "" : truncate(words, 500);
        reason = reason == null ? "" : truncate(reason, 500);
        Objects.requireNonNull(urgency);
        Objects.requireNonNull(action);
        Objects.requireNonNull(at);
    }

    private static String truncate(String s, int max) {
        String t = s.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }
}

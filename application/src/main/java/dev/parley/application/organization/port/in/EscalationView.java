package dev.parley.application.organization.port.in;

import dev.parley.domain.organization.Escalation;

import java.time.Instant;

/** One stored escalation as clients see it. */
public record EscalationView(String source, String words, String reason, String urgency, String action, Instant at) {
    public static EscalationView of(Escalation e) {
        return new EscalationView(e.source().wire(), e.words(), e.reason(), e.urgency().wire(), e.action().wire(), e.at());
    }
}

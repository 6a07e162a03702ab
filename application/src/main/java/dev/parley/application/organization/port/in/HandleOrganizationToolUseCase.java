package dev.parley.application.organization.port.in;

/**
 * Runs the organization tools the brief offers: {@code escalate_to_human} (reason, urgency) and
 * {@code complete_intake} (the collected fields, checked against the organization's intake schema).
 * Blocks (it stores what happened).
 */
public interface HandleOrganizationToolUseCase {
    OrgToolOutcome handle(OrgToolCall call);
}

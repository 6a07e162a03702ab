package dev.parley.application.organization.port.in;

/**
 * Records an escalation a live call has decided on: stored for good, the call moves to the escalation
 * phase, and the tenant's consoles are told ({@code call_status_update}, status {@code escalated}). Blocks.
 */
public interface RecordEscalationUseCase {
    void record(EscalationCommand command);
}

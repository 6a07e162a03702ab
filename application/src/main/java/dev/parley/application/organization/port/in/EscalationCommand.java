package dev.parley.application.organization.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.organization.EscalationAction;
import dev.parley.domain.organization.EscalationSource;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.organization.Urgency;
import dev.parley.domain.shared.TenantId;

/** An escalation decided on a live call (by the escalation rules), to be recorded and announced. */
public record EscalationCommand(TenantId tenant, OrgId org, CallId call, EscalationSource source, String words, String reason,
                                Urgency urgency, EscalationAction action) {
}

package dev.parley.application.organization.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.shared.TenantId;

/**
 * The model of an organization's call asks to run tool {@code name} with its JSON {@code argumentsJson}.
 * {@code canTransfer}: the call has a phone line to hand over (false for a browser's call: escalations only flag it).
 */
public record OrgToolCall(TenantId tenant, OrgId org, CallId call, String name, String argumentsJson, boolean canTransfer) {
    public OrgToolCall(TenantId tenant, OrgId org, CallId call, String name, String argumentsJson) {
        this(tenant, org, call, name, argumentsJson, true);
    }
}

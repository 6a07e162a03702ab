package dev.parley.application.organization.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.shared.TenantId;

import java.util.Map;

/**
 * Stores the intake a client collected in one of an organization's calls it ran itself (seed 003 {@code POST /api/call/end}),
 * checked against the organization's intake fields as {@code complete_intake} checks the assistant's. Joins a transaction
 * under way, so a refusal leaves nothing of the caller's work behind.
 */
public interface RecordCollectedIntakeUseCase {
    /**
     * @param intake the fields, either flat ({@code {"full_name": …, "urgency": "high"}}) or as {@code complete_intake}
     *               sends them ({@code {"fields": {…}, "urgency": …}}); {@code urgency} emergency, high or normal (default)
     * @throws dev.parley.domain.shared.InvalidValueException (field {@code intake…}) when it does not fit the intake fields
     * @throws OrganizationNotFoundException when the organization no longer exists
     */
    void record(TenantId tenant, OrgId org, CallId call, Map<String, Object> intake);
}

package dev.parley.application.session.port.in;

import dev.parley.application.call.port.in.CallView;
import dev.parley.application.call.port.in.EndReportedCallUseCase.ReportedLine;
import dev.parley.application.organization.port.in.OrgCallView;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

import java.util.List;
import java.util.Map;

/**
 * A client ends a call it ran itself (seed 003 {@code POST /api/call/end}) with what it collected: the transcript lines
 * become the call's messages, the intake (an organization's call only) is checked against the organization's intake
 * fields and stored, and the call is completed, all in one transaction or not at all. Ending again changes nothing and
 * answers the same.
 */
public interface EndClientCallUseCase {
    /**
     * @throws dev.parley.application.call.port.in.CallNotFoundException unknown or another tenant's call
     * @throws dev.parley.domain.call.NotAClientCallException a call the carrier carries
     * @throws dev.parley.domain.shared.InvalidValueException an intake that does not fit the organization's fields
     * @throws dev.parley.application.organization.port.in.NotAnOrganizationCallException an intake for a call that runs no organization
     */
    EndedClientCallView end(EndClientCallCommand command);

    /** @param intake the collected intake, null when none */
    record EndClientCallCommand(TenantId tenant, CallId call, List<ReportedLine> lines, Map<String, Object> intake) {
        public EndClientCallCommand {
            lines = List.copyOf(lines);
        }
    }

    /**
     * The ended call as stored: its record, how many lines it holds, its organization side (null for a scenario's call), and
     * whether this request ended it (false when it had ended before).
     */
    record EndedClientCallView(CallView call, int messages, OrgCallView org, boolean endedNow) {
    }
}

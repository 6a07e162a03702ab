package dev.parley.application.organization.port.in;

import java.util.List;
import java.util.Map;

/**
 * What an organization adds to a call's details: its organization, conversation phase, escalations (oldest
 * first) and intake data (null until the assistant submitted some).
 */
public record OrgCallView(long orgId, String phase, boolean escalated, List<EscalationView> escalations, Intake intake) {
    public record Intake(Map<String, Object> data, String urgency, boolean complete) {
    }
}

package dev.parley.domain.organization;

import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A call run for an organization: its conversation phase, whether a person was called in, and the intake
 * data collected (with its urgency and whether it is complete).
 */
public final class OrgCall {
    private final CallId call;
    private final TenantId tenant;
    private final OrgId org;
    private ConversationPhase phase;
    private boolean escalated;
    private Map<String, Object> intake;
    private Urgency intakeUrgency;
    private boolean intakeComplete;
    private Instant updatedAt;

    private OrgCall(CallId call, TenantId tenant, OrgId org, ConversationPhase phase, boolean escalated, Map<String, Object> intake,
                    Urgency intakeUrgency, boolean intakeComplete, Instant updatedAt) {
        this.call = Objects.requireNonNull(call);
        this.tenant = Objects.requireNonNull(tenant);
        this.org = Objects.requireNonNull(org);
        this.phase = Objects.requireNonNull(phase);
        this.escalated = escalated;
        this.intake = intake == null ? null : new LinkedHashMap<>(intake);
        this.intakeUrgency = Objects.requireNonNull(intakeUrgency);
        this.intakeComplete = intakeComplete;
        this.updatedAt = Objects.requireNonNull(updatedAt);
    }

    /** A call that has just begun: greeting, nothing collected. */
    public static OrgCall begin(CallId call, TenantId tenant, OrgId org, Instant now) {
        return new OrgCall(call, tenant, org, ConversationPhase.GREETING, false, null, Urgency.NORMAL, false, now);
    }

    /** Rebuilds a stored call. For persistence adapters only; checks no rules. */
    public static OrgCall reconstitute(CallId call, TenantId tenant, OrgId org, ConversationPhase phase, boolean escalated,
                                       Map<String, Object> intake, Urgency intakeUrgency, boolean intakeComplete, Instant updatedAt) {
        return new OrgCall(call, tenant, org, phase, escalated, intake, intakeUrgency, intakeComplete, updatedAt);
    }

    /** @return true when the phase moved */
    public boolean callerSpoke(Instant now) {
        return move(phase.callerSpoke(), now);
    }

    /** What was collected does not pass the schema yet; it is kept, marked incomplete. */
    public void intakeRefused(Map<String, ?> collected, Urgency urgency, Instant now) {
        if (intakeComplete) return;   // a complete intake is not overwritten by a worse one
        intake = collected == null ? Map.of() : new LinkedHashMap<>(collected);
        intakeUrgency = urgency;
        move(phase.intakeRefused(), now);
        updatedAt = now;
    }

    public void intakeCompleted(Map<String, Object> values, Urgency urgency, Instant now) {
        intake = new LinkedHashMap<>(values);
        intakeUrgency = urgency;
        intakeComplete = true;
        move(phase.intakeCompleted(), now);
        updatedAt = now;
    }

    public void escalated(Urgency urgency, Instant now) {
        escalated = true;
        if (urgency.compareTo(intakeUrgency) > 0) intakeUrgency = urgency;
        move(phase.escalated(), now);
        updatedAt = now;
    }

    private boolean move(ConversationPhase next, Instant now) {
        if (next == phase) return false;
        phase = next;
        updatedAt = now;
        return true;
    }

    public CallId call() {
        return call;
    }

    public TenantId tenant() {
        return tenant;
    }

    public OrgId org() {
        return org;
    }

    public ConversationPhase phase() {
        return phase;
    }

    public boolean isEscalated() {
        return escalated;
    }

    /** Null until the assistant has submitted intake data. */
    public Map<String, Object> intake() {
        return intake == null ? null : Collections.unmodifiableMap(intake);
    }

    public Urgency intakeUrgency() {
        return intakeUrgency;
    }

    public boolean isIntakeComplete() {
        return intakeComplete;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}

package dev.parley.adapter.out.persistence.organization;

import dev.parley.adapter.out.persistence.shared.Sequences;
import dev.parley.application.organization.port.out.OrgCallRepository;
import dev.parley.domain.call.CallId;
import dev.parley.domain.organization.ConversationPhase;
import dev.parley.domain.organization.Escalation;
import dev.parley.domain.organization.EscalationAction;
import dev.parley.domain.organization.EscalationSource;
import dev.parley.domain.organization.OrgCall;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.organization.Urgency;
import dev.parley.domain.shared.TenantId;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
class JdbcOrgCallRepository implements OrgCallRepository {
    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);
    private final OrgCallRows calls;
    private final EscalationRows escalations;
    private final Sequences sequences;
    private final JsonMapper json;

    JdbcOrgCallRepository(OrgCallRows calls, EscalationRows escalations, Sequences sequences, JsonMapper json) {
        this.calls = calls;
        this.escalations = escalations;
        this.sequences = sequences;
        this.json = json;
    }

    @Override
    public Optional<OrgCall> findForUpdate(TenantId tenant, CallId call) {
        return calls.findByCallIdAndTenantIdForUpdate(call.value(), tenant.value()).map(this::toDomain);
    }

    @Override
    public Optional<OrgCall> find(TenantId tenant, CallId call) {
        return calls.findByCallIdAndTenantId(call.value(), tenant.value()).map(this::toDomain);
    }

    @Override
    public void save(OrgCall c) {
        OrgCallRow row = new OrgCallRow(c.call().value(), c.tenant().value(), c.org().value(), c.phase().wire(), c.isEscalated(),
                c.intake() == null ? null : write(c.intake()), c.intakeUrgency().wire(), c.isIntakeComplete(), c.updatedAt());
        if (calls.existsById(row.callId())) calls.update(row);
        else calls.save(row);
    }

    @Override
    public void addEscalation(Escalation e) {
        escalations.save(new EscalationRow(sequences.next("org_call_escalations_id_seq"), e.tenant().value(), e.call().value(),
                e.org().value(), e.source().wire(), e.words(), e.reason(), e.urgency().wire(), e.action().wire(), e.at()));
    }

    @Override
    public List<Escalation> escalations(TenantId tenant, CallId call) {
        return escalations.findByTenantIdAndCallIdOrderById(tenant.value(), call.value()).stream()
                .map(r -> new Escalation(new CallId(r.callId()), new TenantId(r.tenantId()), new OrgId(r.orgId()),
                        EscalationSource.parse(r.source()), r.words(), r.reason(), Urgency.parse(r.urgency()).orElse(Urgency.NORMAL),
                        EscalationAction.parse(r.action()), r.createdAt()))
                .toList();
    }

    private OrgCall toDomain(OrgCallRow r) {
        return OrgCall.reconstitute(new CallId(r.callId()), new TenantId(r.tenantId()), new OrgId(r.orgId()),
                ConversationPhase.parse(r.phase()).orElse(ConversationPhase.GREETING), r.escalated(),
                r.intake() == null ? null : read(r.intake()), Urgency.parse(r.intakeUrgency()).orElse(Urgency.NORMAL), r.intakeComplete(),
                r.updatedAt());
    }

    private String write(Map<String, Object> intake) {
        try {
            return json.writeValueAsString(intake);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> read(String intake) {
        try {
            return json.readValue(intake, OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

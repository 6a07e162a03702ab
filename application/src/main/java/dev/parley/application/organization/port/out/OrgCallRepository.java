package dev.parley.application.organization.port.out;

import dev.parley.domain.call.CallId;
import dev.parley.domain.organization.Escalation;
import dev.parley.domain.organization.OrgCall;
import dev.parley.domain.shared.TenantId;

import java.util.List;
import java.util.Optional;

/** Stores what organizations add to calls (phase, intake) and their escalations; every lookup is scoped to one tenant. */
public interface OrgCallRepository {
    /** Locks the row until the transaction ends, so concurrent tools and escalations of one call apply in turn. */
    Optional<OrgCall> findForUpdate(TenantId tenant, CallId call);

    Optional<OrgCall> find(TenantId tenant, CallId call);

    /** Inserts or updates. */
    void save(OrgCall call);

    void addEscalation(Escalation escalation);

    /** Oldest first. */
    List<Escalation> escalations(TenantId tenant, CallId call);
}

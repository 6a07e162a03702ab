package dev.parley.application.call.port.out;

import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

import java.util.Optional;

/** Stores and loads calls; every lookup a person makes is scoped to one tenant. */
public interface CallRepository {
    CallId nextId();

    void add(Call call);

    void update(Call call);

    Optional<Call> find(TenantId tenant, CallId id);

    /** For the carrier's signed requests, which name no tenant; locks the call until the transaction ends. */
    Optional<Call> findForUpdate(CallId id);

    Optional<Call> findByCarrierSid(String carrierSid);

    /** Locks the call until the transaction ends. */
    Optional<Call> findByCarrierSidForUpdate(String carrierSid);

    /** Newest first. */
    Page<Call> list(TenantId tenant, PageRequest page);
}

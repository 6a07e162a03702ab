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

    /** @throws CarrierSidTakenException when another call already has this call's carrier SID */
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

    /** The calls that ran {@code scenarioRef} (a scenario, or an organization's {@code org:<id>}), newest first. */
    Page<Call> list(TenantId tenant, String scenarioRef, PageRequest page);

    /** Thrown by {@link #add} when a call with the same carrier SID is already stored (a concurrent webhook retry). */
    final class CarrierSidTakenException extends RuntimeException {
        public CarrierSidTakenException(Throwable cause) {
            super("carrier SID taken", cause);
        }
    }
}

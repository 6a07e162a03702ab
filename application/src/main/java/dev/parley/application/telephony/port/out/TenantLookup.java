package dev.parley.application.telephony.port.out;

import dev.parley.domain.shared.TenantId;

import java.util.Optional;

/** Finds the tenant that receives calls to the system number in development mode. */
public interface TenantLookup {
    Optional<TenantId> byEmail(String normalisedEmail);

    /** The oldest account. */
    Optional<TenantId> firstRegistered();
}

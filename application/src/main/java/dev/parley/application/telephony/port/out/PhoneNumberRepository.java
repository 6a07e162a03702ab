package dev.parley.application.telephony.port.out;

import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.telephony.UserPhoneNumber;

import java.util.List;
import java.util.Optional;

/** Stores tenants' phone numbers. A number belongs to one tenant; tenant-facing lookups take the tenant. */
public interface PhoneNumberRepository {
    long nextId();

    /** Oldest first: the first is the tenant's primary number. */
    List<UserPhoneNumber> list(TenantId tenant);

    Optional<UserPhoneNumber> find(TenantId tenant, PhoneNumber number);

    /** Who owns a number, whoever it is: for routing inbound calls only. */
    Optional<UserPhoneNumber> findOwner(PhoneNumber number);

    /** Adds a number; {@link NumberTakenException} when it is stored already (also by a concurrent add). */
    void add(UserPhoneNumber number);

    boolean remove(TenantId tenant, long id);

    /** Routes the tenant's number {@code id} to {@code scenarioRef} (a scenario, or an organization's {@code org:<id>}); false when it has no such number. */
    boolean route(TenantId tenant, long id, String scenarioRef);

    /** Thrown by {@link #add} when the number is stored for some tenant already. */
    final class NumberTakenException extends RuntimeException {
        public NumberTakenException(Throwable cause) {
            super("number taken", cause);
        }
    }
}

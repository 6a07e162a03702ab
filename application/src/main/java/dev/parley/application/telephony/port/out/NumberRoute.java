package dev.parley.application.telephony.port.out;

import dev.parley.domain.shared.TenantId;

/** Where a call to one of our numbers goes. */
public sealed interface NumberRoute {
    /** The number belongs to {@code tenant}; its calls run {@code scenarioRef}. */
    record Assigned(TenantId tenant, String scenarioRef) implements NumberRoute {
    }

    /** Nobody owns this number (or it was released): the caller hears a polite refusal. */
    record Unassigned() implements NumberRoute {
    }
}

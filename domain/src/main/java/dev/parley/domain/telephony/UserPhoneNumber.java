package dev.parley.domain.telephony;

import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.Objects;

/**
 * A phone number a tenant bought through the carrier: it belongs to that tenant alone, places the
 * tenant's calls (the oldest one is the primary) and routes calls to it to one of the tenant's scenarios.
 *
 * @param carrierSid the carrier's id of the number (Twilio {@code PN…})
 */
public record UserPhoneNumber(long id, TenantId tenant, PhoneNumber phoneNumber, String carrierSid, String friendlyName,
                              boolean voiceCapable, boolean smsCapable, String inboundScenario, Instant createdAt) {
    public static final String DEFAULT_INBOUND_SCENARIO = "default";

    public UserPhoneNumber {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(phoneNumber);
        Objects.requireNonNull(carrierSid);
        Objects.requireNonNull(createdAt);
        friendlyName = friendlyName == null || friendlyName.isBlank() ? phoneNumber.e164() : friendlyName.strip();
        inboundScenario = inboundScenario == null || inboundScenario.isBlank() ? DEFAULT_INBOUND_SCENARIO : inboundScenario;
    }
}

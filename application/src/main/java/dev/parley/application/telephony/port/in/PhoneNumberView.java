package dev.parley.application.telephony.port.in;

import dev.parley.domain.telephony.UserPhoneNumber;

import java.time.Instant;

/** Seed 001's UserPhoneNumber as clients see it; {@code primary} numbers place the tenant's calls. */
public record PhoneNumberView(long id, String phoneNumber, String carrierSid, String friendlyName, boolean active, boolean primary,
                              boolean voiceCapable, boolean smsCapable, String inboundScenario, Instant createdAt) {
    public static PhoneNumberView of(UserPhoneNumber n, boolean primary) {
        return new PhoneNumberView(n.id(), n.phoneNumber().e164(), n.carrierSid(), n.friendlyName(), true, primary,
                n.voiceCapable(), n.smsCapable(), n.inboundScenario(), n.createdAt());
    }
}

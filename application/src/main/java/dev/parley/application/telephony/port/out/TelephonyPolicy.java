package dev.parley.application.telephony.port.out;

import dev.parley.domain.shared.PhoneNumber;

import java.util.Optional;

/**
 * Development vs production telephony, from configuration.
 *
 * @param developmentMode         DEVELOPMENT_MODE: calls use the system number
 * @param systemNumber            TWILIO_PHONE_NUMBER, when set
 * @param developmentInboundEmail DEVELOPMENT_INBOUND_USER_EMAIL: in development mode calls to the system number go to this
 *                                user's account; empty means the first registered user
 */
public record TelephonyPolicy(boolean developmentMode, Optional<PhoneNumber> systemNumber, String developmentInboundEmail) {
    public TelephonyPolicy {
        developmentInboundEmail = developmentInboundEmail == null ? "" : developmentInboundEmail.strip().toLowerCase(java.util.Locale.ROOT);
    }
}

package dev.parley.adapter.out.twilio;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Twilio account settings (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_PHONE_NUMBER,
 * TWILIO_API_BASE_URL). Empty credentials are allowed at start-up; a Twilio call then fails clearly.
 */
@ConfigurationProperties("parley.twilio")
record TwilioProperties(@Bindable(defaultValue = "") String accountSid,
                        @Bindable(defaultValue = "") String authToken,
                        @Bindable(defaultValue = "") String phoneNumber,
                        @Bindable(defaultValue = "https://api.twilio.com") String apiBaseUrl) {

    boolean isConfigured() {
        return !accountSid.isBlank() && !authToken.isBlank();
    }

    @Override
    public String toString() {
        return "TwilioProperties[accountSid=" + accountSid + ", apiBaseUrl=" + apiBaseUrl + "]";
    }
}

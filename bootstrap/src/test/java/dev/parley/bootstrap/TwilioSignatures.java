package dev.parley.bootstrap;

import java.util.Map;

/** {@link TwilioSigner} for one-off signatures: the tests' single implementation of Twilio's HMAC-SHA1 webhook signature. */
final class TwilioSignatures {
    private TwilioSignatures() {
    }

    static String sign(String authToken, String url, Map<String, String> form) {
        return new TwilioSigner(authToken).sign(url, form);
    }

    static String encode(Map<String, String> form) {
        return TwilioSigner.form(form);
    }
}

package dev.parley.application.tenancy.port.in;

import java.util.Optional;

/**
 * Tells a person from a bot before sign-up and sign-in (seed 004's CAPTCHA): when the operator has
 * configured a CAPTCHA secret, the token the browser got from the provider must verify, or the
 * request is refused ({@link CaptchaRejectedException}) before any account is touched.
 */
public interface CheckCaptchaUseCase {
    void check(CaptchaCheckCommand command);

    /** What the browser should know to show the challenge: whether it is on, the public site key and the provider. */
    CaptchaSettings settings();

    /** {@code action} is the step asking (register, login); {@code remoteAddress} the client's address, if known. */
    record CaptchaCheckCommand(String token, String action, String remoteAddress) {
        @Override
        public String toString() {
            return "CaptchaCheckCommand[action=" + action + ", token redacted]";
        }
    }

    record CaptchaSettings(boolean enabled, Optional<String> siteKey, String provider) {
    }
}

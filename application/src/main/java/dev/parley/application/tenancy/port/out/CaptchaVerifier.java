package dev.parley.application.tenancy.port.out;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Asks the CAPTCHA provider whether a token a browser solved is genuine (the {@code siteverify}
 * form protocol that reCAPTCHA, hCaptcha and Turnstile share). Throws
 * {@link CaptchaUnavailableException} when the provider cannot be asked.
 */
public interface CaptchaVerifier {
    CaptchaVerdict verify(String token, String remoteAddress);

    /** The provider's answer: success, and for score-based checks (reCAPTCHA v3) the score and action. */
    record CaptchaVerdict(boolean success, OptionalDouble score, String action, List<String> errorCodes) {
        public CaptchaVerdict {
            errorCodes = errorCodes == null ? List.of() : List.copyOf(errorCodes);
            score = score == null ? OptionalDouble.empty() : score;
        }
    }
}

package dev.parley.application.tenancy.port.out;

import java.util.Optional;

/**
 * The operator's CAPTCHA settings: on when a secret is configured; the public site key and provider
 * name for the browser; the lowest reCAPTCHA v3 score accepted.
 */
public record CaptchaPolicy(boolean enabled, Optional<String> siteKey, String provider, double minScore) {
    public CaptchaPolicy {
        siteKey = siteKey == null ? Optional.empty() : siteKey.filter(s -> !s.isBlank());
        if (provider == null || provider.isBlank()) provider = "recaptcha";
        if (minScore < 0 || minScore > 1) throw new IllegalArgumentException("a CAPTCHA score lies between 0 and 1");
    }

    public static CaptchaPolicy off() {
        return new CaptchaPolicy(false, Optional.empty(), "recaptcha", 0.5);
    }
}

package dev.parley.adapter.out.captcha;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The provider's side of CAPTCHA (parley.captcha.*): CAPTCHA_SECRET_KEY and CAPTCHA_VERIFY_URL (Google
 * reCAPTCHA's by default; hCaptcha's {@code https://api.hcaptcha.com/siteverify} or Turnstile's
 * {@code https://challenges.cloudflare.com/turnstile/v0/siteverify} speak the same protocol).
 */
@ConfigurationProperties("parley.captcha")
record CaptchaProperties(@Bindable(defaultValue = "") String secretKey,
                         @Bindable(defaultValue = "https://www.google.com/recaptcha/api/siteverify") String verifyUrl,
                         @Bindable(defaultValue = "5s") Duration timeout) {
    @Override
    public String toString() {
        return "CaptchaProperties[verifyUrl=" + verifyUrl + ", timeout=" + timeout + "]";
    }
}

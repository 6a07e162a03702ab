package dev.parley.bootstrap;

import dev.parley.application.tenancy.port.in.CheckCaptchaUseCase;
import dev.parley.application.tenancy.port.out.CaptchaPolicy;
import dev.parley.application.tenancy.port.out.CaptchaVerifier;
import dev.parley.application.tenancy.service.CheckCaptchaService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Seed 004's CAPTCHA on sign-up and sign-in: on when CAPTCHA_SECRET_KEY is set, off otherwise (development). */
@Factory
class CaptchaWiring {
    private static final Logger LOG = LoggerFactory.getLogger(CaptchaWiring.class);

    @Singleton
    CaptchaPolicy captchaPolicy(@Value("${parley.captcha.secret-key:}") String secret, @Value("${parley.captcha.site-key:}") String siteKey,
                                @Value("${parley.captcha.provider:recaptcha}") String provider,
                                @Value("${parley.captcha.min-score:0.5}") double minScore) {
        boolean enabled = !secret.isBlank();
        LOG.info("CAPTCHA on sign-up and sign-in: {}", enabled ? "on (" + provider + ")" : "off (no CAPTCHA_SECRET_KEY)");
        return new CaptchaPolicy(enabled, Optional.of(siteKey), provider, minScore);
    }

    @Singleton
    CheckCaptchaUseCase checkCaptcha(CaptchaPolicy policy, CaptchaVerifier verifier) {
        return new CheckCaptchaService(policy, verifier);
    }
}

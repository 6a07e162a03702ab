package dev.parley.adapter.in.web.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.application.tenancy.port.in.CheckCaptchaUseCase;
import dev.parley.application.tenancy.port.in.CheckCaptchaUseCase.CaptchaSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Seed 004's {@code GET /auth/captcha-key}: what the sign-up and sign-in pages need to show the CAPTCHA. */
@Controller("/auth/captcha-key")
@Tag(name = "Authentication")
class CaptchaController {
    private final CheckCaptchaUseCase captcha;

    CaptchaController(CheckCaptchaUseCase captcha) {
        this.captcha = captcha;
    }

    @Operation(summary = "CAPTCHA settings for the sign-up and sign-in pages", description = "{enabled, site_key, provider}; "
            + "when enabled, /auth/register and /auth/login need captcha_token.")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get
    CaptchaKeyResponse key() {
        CaptchaSettings settings = captcha.settings();
        return new CaptchaKeyResponse(settings.enabled(), settings.siteKey().orElse(null), settings.provider());
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CaptchaKeyResponse(boolean enabled, @Nullable String siteKey, String provider) {
    }
}

package dev.parley.adapter.in.web.tenancy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the account endpoints (seed 000/001: snake_case JSON). */
final class AuthRequests {
    private AuthRequests() {
    }

    /** The CAPTCHA token of seed 004: {@code captcha_token}, or reCAPTCHA's own field name {@code g-recaptcha-response}. */
    interface CaptchaAnswer {
        String captchaToken();

        String gRecaptchaResponse();

        default String captcha() {
            return captchaToken() != null && !captchaToken().isBlank() ? captchaToken() : gRecaptchaResponse();
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record RegisterRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 128) String password,
                           @Nullable String captchaToken,
                           @Nullable @JsonProperty("g-recaptcha-response") String gRecaptchaResponse) implements CaptchaAnswer {
        @Override
        public String toString() {
            return "RegisterRequest[redacted]";
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password,
                        @Nullable String captchaToken,
                        @Nullable @JsonProperty("g-recaptcha-response") String gRecaptchaResponse) implements CaptchaAnswer {
        @Override
        public String toString() {
            return "LoginRequest[redacted]";
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {
        @Override
        public String toString() {
            return "RefreshRequest[redacted]";
        }
    }
}

package dev.parley.adapter.in.web.tenancy;

import dev.parley.adapter.in.web.security.AccessTokens;
import dev.parley.adapter.in.web.security.RateLimited;
import dev.parley.adapter.in.web.tenancy.AuthResponses.TokenResponse;
import dev.parley.application.tenancy.port.in.SignInUseCase;
import dev.parley.application.tenancy.port.in.SignedIn;
import dev.parley.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** OAuth2's resource-owner password grant (RFC 6749 §4.3), form-encoded, for tools that speak OAuth2. */
@Controller("/token")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Authentication")
class OAuth2TokenController {
    private final SignInUseCase signIn;
    private final AccessTokens accessTokens;

    OAuth2TokenController(SignInUseCase signIn, AccessTokens accessTokens) {
        this.signIn = signIn;
        this.accessTokens = accessTokens;
    }

    @Operation(summary = "OAuth2 password grant (form data: grant_type=password, username, password)")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @RateLimited(value = "auth", by = RateLimited.Per.CLIENT_ADDRESS)
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    TokenResponse token(@Body @Valid PasswordGrant form) {
        if (form.grantType() != null && !form.grantType().isBlank() && !"password".equals(form.grantType()))
            throw new InvalidValueException("grant_type", "grant-type.unsupported", "grant_type must be 'password'");
        SignedIn session = signIn.signIn(new SignInUseCase.SignInCommand(form.username(), form.password()));
        return TokenResponse.from(accessTokens.issue(session), session);
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record PasswordGrant(@Nullable String grantType,
                         @NotBlank @Size(max = 254) String username,
                         @NotBlank @Size(max = 128) String password,
                         @Nullable String scope) {
        @Override
        public String toString() {
            return "PasswordGrant[redacted]";
        }
    }
}

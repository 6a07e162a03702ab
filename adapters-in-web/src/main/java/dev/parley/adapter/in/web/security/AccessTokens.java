package dev.parley.adapter.in.web.security;

import dev.parley.application.tenancy.port.in.UserView;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

import java.util.List;

/** Signs short-lived access tokens (JWT, HS256 with SECRET_KEY) whose subject is the user's id. */
@Singleton
public class AccessTokens {
    private final TokenGenerator generator;
    private final AccessTokenConfiguration configuration;

    AccessTokens(TokenGenerator generator, AccessTokenConfiguration configuration) {
        this.generator = generator;
        this.configuration = configuration;
    }

    public IssuedAccessToken issue(UserView user) {
        List<String> roles = user.admin() ? List.of("user", "admin") : List.of("user");
        Authentication authentication = Authentication.build(Long.toString(user.id()), roles);
        int lifetime = configuration.getExpiration();
        String token = generator.generateToken(authentication, lifetime)
                .orElseThrow(() -> new IllegalStateException("The access token could not be signed"));
        return new IssuedAccessToken(token, lifetime);
    }

    public record IssuedAccessToken(String token, int expiresInSeconds) {
        @Override
        public String toString() {
            return "IssuedAccessToken[redacted]";
        }
    }
}

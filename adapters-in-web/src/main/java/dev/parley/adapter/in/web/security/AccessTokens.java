package dev.parley.adapter.in.web.security;

import dev.parley.application.tenancy.port.in.SignedIn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Signs short-lived access tokens (JWT, HS256 with SECRET_KEY) whose subject is the user's id and whose
 * {@value #SESSION_CLAIM} claim names the sign-in they belong to ({@link SessionGate} refuses them once it ended).
 */
@Singleton
public class AccessTokens {
    private final TokenGenerator generator;
    private final AccessTokenConfiguration configuration;

    AccessTokens(TokenGenerator generator, AccessTokenConfiguration configuration) {
        this.generator = generator;
        this.configuration = configuration;
    }

    public static final String SESSION_CLAIM = "sid";

    public IssuedAccessToken issue(SignedIn session) {
        List<String> roles = session.user().admin() ? List.of("user", "admin") : List.of("user");
        Authentication authentication = Authentication.build(Long.toString(session.user().id()), roles,
                Map.of(SESSION_CLAIM, session.sessionId()));
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

package dev.parley.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * Checks SECRET_KEY at start-up. Production (DEVELOPMENT_MODE=false) refuses to start without a
 * strong one; development without one signs with a random per-process key and says so.
 */
@Context
final class SecretKeyGuard {
    static final int MIN_LENGTH = 32;
    private static final Logger LOG = LoggerFactory.getLogger(SecretKeyGuard.class);
    private static final Set<String> PLACEHOLDERS = Set.of("your_secret_key_here", "changeme", "change-me", "secret",
            "development-only-secret-key-change-me-0123456789");

    SecretKeyGuard(@Value("${parley.development-mode:true}") boolean developmentMode,
                   @Value("${parley.secret-key:}") String secretKey) {
        check(developmentMode, secretKey);
        if (secretKey.isBlank())
            LOG.warn("SECRET_KEY is not set: development mode signs tokens with a random key, so sign-ins end at restart");
    }

    static void check(boolean developmentMode, String secretKey) {
        String problem = problem(secretKey, developmentMode);
        if (problem != null) throw new ConfigurationException(problem
                + " Generate one with: openssl rand -hex 32");
    }

    private static String problem(String secretKey, boolean developmentMode) {
        if (secretKey.isBlank())
            return developmentMode ? null : "SECRET_KEY is required in production mode (DEVELOPMENT_MODE=false).";
        if (secretKey.length() < MIN_LENGTH)
            return "SECRET_KEY is too weak: it must be at least " + MIN_LENGTH + " characters (256 bits for HS256).";
        if (PLACEHOLDERS.contains(secretKey.toLowerCase()) || secretKey.chars().distinct().count() < 8)
            return "SECRET_KEY is a placeholder or has too little variety; use a random value.";
        return null;
    }
}

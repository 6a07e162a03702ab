package dev.parley.bootstrap;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The key that signs and checks access tokens (HS256): SECRET_KEY itself, so a restarted instance
 * and every instance sharing SECRET_KEY accept the tokens any of them issued. Without SECRET_KEY
 * (development only, {@link SecretKeyGuard} refuses it in production) a random 256-bit key is made
 * once per process.
 *
 * <p>Set in code rather than as a placeholder in application.yml: the former
 * {@code ${SECRET_KEY:${random.uuid}${random.uuid}}} was split at the first closing brace, so the
 * key in force was SECRET_KEY followed by a fresh random UUID, different at every start.
 */
final class SigningSecret {
    static final String VARIABLE = "SECRET_KEY";
    static final String PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";

    private SigningSecret() {
    }

    static Map<String, Object> properties(Map<String, String> environment) {
        String key = environment.get(VARIABLE);
        return Map.of(PROPERTY, key == null || key.isBlank() ? randomKey() : key.strip());
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

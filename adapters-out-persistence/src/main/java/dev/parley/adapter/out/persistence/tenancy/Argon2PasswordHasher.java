package dev.parley.adapter.out.persistence.tenancy;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.parley.application.tenancy.port.out.PasswordHasher;
import dev.parley.domain.tenancy.PasswordHash;
import jakarta.inject.Singleton;

/**
 * Argon2id through Password4j: the hash is the PHC string ({@code $argon2id$v=19$m=…}), so each
 * stored hash carries its own parameters and old ones still verify after a cost increase.
 */
@Singleton
class Argon2PasswordHasher implements PasswordHasher {
    private static final int HASH_LENGTH = 32;
    private static final int SALT_LENGTH = 16;
    private final Argon2Function function;

    Argon2PasswordHasher(PasswordHashingProperties properties) {
        this.function = Argon2Function.getInstance(properties.memoryKib(), properties.iterations(),
                properties.parallelism(), HASH_LENGTH, Argon2.ID);
    }

    @Override
    public PasswordHash hash(String password) {
        return new PasswordHash(Password.hash(password).addRandomSalt(SALT_LENGTH).with(function).getResult());
    }

    @Override
    public boolean matches(String password, PasswordHash hash) {
        try {
            return Password.check(password, hash.encoded()).with(Argon2Function.getInstanceFromHash(hash.encoded()));
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        try {
            Argon2Function stored = Argon2Function.getInstanceFromHash(hash.encoded());
            return stored.getMemory() < function.getMemory() || stored.getIterations() < function.getIterations()
                    || stored.getVariant() != Argon2.ID;
        } catch (RuntimeException malformedHash) {
            return true;
        }
    }
}

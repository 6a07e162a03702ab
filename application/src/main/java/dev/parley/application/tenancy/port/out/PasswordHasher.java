package dev.parley.application.tenancy.port.out;

import dev.parley.domain.tenancy.PasswordHash;

/** A slow, salted password-hashing function. */
public interface PasswordHasher {
    PasswordHash hash(String password);

    boolean matches(String password, PasswordHash hash);

    /** True when the hash was made with weaker parameters than today's and should be redone. */
    boolean needsRehash(PasswordHash hash);
}

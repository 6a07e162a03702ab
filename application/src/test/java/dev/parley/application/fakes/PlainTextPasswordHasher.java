package dev.parley.application.fakes;

import dev.parley.application.tenancy.port.out.PasswordHasher;
import dev.parley.domain.tenancy.PasswordHash;

/** A reversible stand-in for fast service tests; the real hasher is tested in persistence. */
public final class PlainTextPasswordHasher implements PasswordHasher {
    public int verifications;

    @Override
    public PasswordHash hash(String password) {
        return new PasswordHash("plain:" + password);
    }

    @Override
    public boolean matches(String password, PasswordHash hash) {
        verifications++;
        return hash.encoded().equals("plain:" + password);
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return false;
    }
}

package dev.parley.adapter.out.persistence.tenancy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Argon2id cost parameters; the defaults are OWASP's minimum (19 MiB, 2 passes, 1 lane). */
@ConfigurationProperties("parley.password-hashing")
record PasswordHashingProperties(@Bindable(defaultValue = "19456") int memoryKib,
                                 @Bindable(defaultValue = "2") int iterations,
                                 @Bindable(defaultValue = "1") int parallelism) {
}

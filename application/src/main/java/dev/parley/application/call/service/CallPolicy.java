package dev.parley.application.call.service;

import java.time.Duration;

/** Tunables of the call context. {@code streamTokenLifetime}: how long after the carrier asks for instructions its stream may attach. */
public record CallPolicy(Duration streamTokenLifetime) {
    public CallPolicy {
        if (streamTokenLifetime.isNegative() || streamTokenLifetime.isZero())
            throw new IllegalArgumentException("The stream token lifetime is positive");
    }
}

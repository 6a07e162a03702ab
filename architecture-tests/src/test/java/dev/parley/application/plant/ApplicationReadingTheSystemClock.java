package dev.parley.application.plant;

import java.time.Instant;

/** Planted violation: the core reading the system clock instead of the injected Clock. */
public class ApplicationReadingTheSystemClock {
    public Instant now() {
        return Instant.now();
    }
}

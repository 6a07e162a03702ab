package dev.parley.bootstrap;

import dev.parley.application.shared.PublicUrl;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Infrastructure values every context shares: the clock and the public address. */
@Factory
class ClockWiring {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    PublicUrl publicUrl(@Value("${parley.public-url}") String publicUrl) {
        return new PublicUrl(publicUrl);
    }
}

package dev.parley.bootstrap;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

@Factory
class ClockWiring {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}

package dev.parley.application.plant;

/** Planted violation: a use case wired by annotation instead of by bootstrap's factories. */
@jakarta.inject.Singleton
public class ApplicationUsingMicronaut {
}

package dev.parley.application.plant;

/** Planted violation: the core reaching into the wiring. */
public class ApplicationUsingBootstrap {
    public dev.parley.bootstrap.Application application;
}

package dev.parley.application.plant;

/** Planted violation: the core calling an adapter directly. */
public class ApplicationUsingAnAdapter {
    public dev.parley.adapter.out.persistence.shared.Sequences sequences;
}

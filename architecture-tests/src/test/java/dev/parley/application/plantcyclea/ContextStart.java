package dev.parley.application.plantcyclea;

/** Planted violation: half of a cycle between two application contexts. */
public class ContextStart {
    public dev.parley.application.plantcycleb.port.in.ContextEnd next;
}

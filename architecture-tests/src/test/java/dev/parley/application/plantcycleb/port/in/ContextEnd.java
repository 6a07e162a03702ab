package dev.parley.application.plantcycleb.port.in;

/** Planted violation: the other half of the cycle between two contexts. */
public class ContextEnd {
    public dev.parley.application.plantcyclea.ContextStart back;
}

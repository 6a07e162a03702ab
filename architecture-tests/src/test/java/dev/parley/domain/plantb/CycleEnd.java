package dev.parley.domain.plantb;

/** Planted violation: the other half of the cycle. */
public class CycleEnd {
    public dev.parley.domain.planta.CycleStart back;
}

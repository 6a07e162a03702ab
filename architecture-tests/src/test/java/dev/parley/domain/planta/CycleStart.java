package dev.parley.domain.planta;

/** Planted violation: half of a package cycle inside the domain. */
public class CycleStart {
    public dev.parley.domain.plantb.CycleEnd next;
}

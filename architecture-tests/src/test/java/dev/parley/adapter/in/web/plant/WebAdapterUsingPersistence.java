package dev.parley.adapter.in.web.plant;

/** Planted violation: an inbound adapter using an outbound adapter instead of a port. */
public class WebAdapterUsingPersistence {
    public dev.parley.adapter.out.persistence.shared.Sequences sequences;
}

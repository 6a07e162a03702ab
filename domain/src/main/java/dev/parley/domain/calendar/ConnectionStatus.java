package dev.parley.domain.calendar;

/** Whether a stored calendar connection can be used, or the tenant has to connect again. */
public enum ConnectionStatus {
    CONNECTED("connected"), NEEDS_RECONNECT("needs_reconnect");

    private final String wire;

    ConnectionStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static ConnectionStatus fromWire(String wire) {
        for (ConnectionStatus s : values()) if (s.wire.equals(wire)) return s;
        throw new IllegalArgumentException("unknown connection status");
    }
}

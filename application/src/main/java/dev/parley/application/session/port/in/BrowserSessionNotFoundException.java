package dev.parley.application.session.port.in;

import dev.parley.domain.shared.NotFoundException;

/** No usable browser session of that id for the asking tenant: unknown, expired, used, or another tenant's. */
public class BrowserSessionNotFoundException extends NotFoundException {
    public BrowserSessionNotFoundException() {
        super("session.not-found", "Realtime session not found or expired");
    }
}

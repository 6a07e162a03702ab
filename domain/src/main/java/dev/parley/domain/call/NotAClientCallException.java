package dev.parley.domain.call;

import dev.parley.domain.shared.ConflictException;

/** The call is carried by the phone network for this server: it ends when the carrier reports it, not when a client says so. */
public class NotAClientCallException extends ConflictException {
    public NotAClientCallException() {
        super("call.not-client-run", "This call is carried by the phone network; it ends when the carrier reports it");
    }
}

package dev.parley.application.transcript.port.in;

/** What became of a request to store a carrier transcript. */
public sealed interface StoreOutcome {
    record Stored(String transcriptSid) implements StoreOutcome {
    }

    /** Stored before: nothing changed. */
    record AlreadyStored(String transcriptSid) implements StoreOutcome {
    }

    /** The carrier has not finished it yet. */
    record NotReady(String transcriptSid, String status) implements StoreOutcome {
    }

    /** Neither we nor the carrier can tie it to a tenant. */
    record Unknown(String transcriptSid) implements StoreOutcome {
    }
}

package dev.parley.adapter.in.twilio;

import jakarta.inject.Singleton;

import java.util.concurrent.atomic.LongAdder;

/**
 * Process-wide figures of the media-stream sockets, for the metrics (bootstrap reads them at scrape time):
 * assistant audio frames dropped because Twilio was not reading fast enough (the socket over its write-buffer
 * high-water mark). Bumped on the event loop; a {@link LongAdder} keeps that cheap.
 */
@Singleton
public final class MediaStreamStats {
    private final LongAdder droppedOut = new LongAdder();

    void droppedOut() {
        droppedOut.increment();
    }

    /** Assistant audio frames dropped on the way to the carrier since start. */
    public long droppedOutFrames() {
        return droppedOut.sum();
    }
}

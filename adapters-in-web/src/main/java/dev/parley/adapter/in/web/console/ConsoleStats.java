package dev.parley.adapter.in.web.console;

import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicInteger;

/** How many live-console sockets are open on this instance, for the metrics (bootstrap reads it at scrape time). */
@Singleton
public final class ConsoleStats {
    private final AtomicInteger open = new AtomicInteger();

    void opened() {
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    /** Console sockets signed in and open now. */
    public int openSockets() {
        return open.get();
    }
}

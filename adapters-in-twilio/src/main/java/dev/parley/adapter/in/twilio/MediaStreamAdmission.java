package dev.parley.adapter.in.twilio;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the media-stream sockets that have not yet presented their {@code start} frame: a socket
 * that does not within {@code STREAM_START_TIMEOUT} (10 s) is closed, and at most
 * {@code MAX_STREAMS_AWAITING_START} (1,000) such sockets are held in all and
 * {@code MAX_STREAMS_AWAITING_START_PER_ADDRESS} (100) per client address; the next upgrade is answered
 * 429. Twilio sends {@code start} within milliseconds of the handshake, so these limits only bite on
 * sockets that are not Twilio's. A stream leaves the count when its {@code start} arrives or it ends.
 */
@Singleton
final class MediaStreamAdmission {
    private final Duration startTimeout;
    private final int maxTotal;
    private final int maxPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    MediaStreamAdmission(@Value("${parley.calls.stream-start-timeout:10s}") Duration startTimeout,
                         @Value("${parley.calls.max-streams-awaiting-start:1000}") int maxTotal,
                         @Value("${parley.calls.max-streams-awaiting-start-per-address:100}") int maxPerAddress) {
        if (startTimeout.isNegative() || startTimeout.isZero()) throw new IllegalArgumentException("stream-start-timeout must be positive");
        this.startTimeout = startTimeout;
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    Duration startTimeout() {
        return startTimeout;
    }

    /** A place among the sockets awaiting {@code start}, or empty when the total or this address is at its cap. */
    Optional<Slot> admit(String address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return Optional.empty();
        }
        AtomicInteger mine = perAddress.compute(address, (k, v) -> {
            AtomicInteger count = v == null ? new AtomicInteger() : v;
            count.incrementAndGet();
            return count;
        });
        if (mine.get() > maxPerAddress) {
            release(address);
            return Optional.empty();
        }
        return Optional.of(new Slot(address));
    }

    int awaitingStart() {
        return total.get();
    }

    private void release(String address) {
        total.decrementAndGet();
        perAddress.computeIfPresent(address, (k, v) -> v.decrementAndGet() <= 0 ? null : v);
    }

    /** Held by one socket until its {@code start} arrives or it ends; releasing twice is harmless. */
    final class Slot {
        private final String address;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String address) {
            this.address = address;
        }

        void release() {
            if (released.compareAndSet(false, true)) MediaStreamAdmission.this.release(address);
        }
    }
}

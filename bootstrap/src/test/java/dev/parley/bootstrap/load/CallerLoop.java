package dev.parley.bootstrap.load;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One caller event loop's clock and figures. The loop's calls are spread over twenty 1 ms slots;
 * a 1 ms fixed-rate task on the loop itself sends the frames of the slot that is due, so every
 * call sends a frame every 20 ms from its own channel's thread, with no hand-off.
 */
final class CallerLoop implements Runnable {
    static final int SLOTS = 20;

    /** The measuring window, shared by all loops; frames count when sent inside it. */
    static final class Window {
        volatile long start = Long.MAX_VALUE;
        volatile long end = Long.MAX_VALUE;

        boolean contains(long t) {
            return t >= start && t < end;
        }
    }

    final EventLoop loop;
    final Window window;
    final RoundTrips stats = new RoundTrips();
    private final List<TwilioCaller> callers = new ArrayList<>();
    private TwilioCaller[][] slots;
    private int tick;
    private ScheduledFuture<?> clock;
    private long ticks;
    private long earliest = Long.MAX_VALUE;
    /**
     * Ticks of the window, those run more than 2 ms late, and the worst lag (ns): the generator's own lateness. A tick's
     * lag is measured against the earliest phase any tick of this clock ran at (Netty's timer runs the whole clock a
     * little late; that offset is constant and harmless).
     */
    long windowTicks;
    long lateTicks;
    long maxLagNanos;
    /** The last tick's lag, for the warm-up to wait until the clock runs on time. */
    volatile long lagNanos = Long.MAX_VALUE;

    CallerLoop(EventLoop loop, Window window) {
        this.loop = loop;
        this.window = window;
    }

    /** On the loop: adds a call whose stream is up. */
    void add(TwilioCaller caller) {
        callers.add(caller);
    }

    /** Starts the clock, offset by {@code offsetMicros} so that several loops do not tick together. */
    void start(long offsetMicros) {
        loop.execute(() -> {
            List<List<TwilioCaller>> bySlot = new ArrayList<>();
            for (int s = 0; s < SLOTS; s++) bySlot.add(new ArrayList<>());
            for (int i = 0; i < callers.size(); i++) bySlot.get(i % SLOTS).add(callers.get(i));
            slots = bySlot.stream().map(l -> l.toArray(TwilioCaller[]::new)).toArray(TwilioCaller[][]::new);
            clock = loop.scheduleAtFixedRate(this, offsetMicros, 1_000, TimeUnit.MICROSECONDS);
        });
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        long phase = now - ticks++ * 1_000_000L;
        if (phase < earliest) earliest = phase;
        long lag = phase - earliest;
        lagNanos = lag;
        if (window.contains(now)) {
            windowTicks++;
            if (lag > 2_000_000L) lateTicks++;
            if (lag > maxLagNanos) maxLagNanos = lag;
        }
        for (TwilioCaller c : slots[tick]) c.sendMedia();
        if (++tick == SLOTS) tick = 0;
    }

    /** On the loop: stops the clock, and each call (stop frame, close). */
    void stop() {
        loop.execute(() -> {
            if (clock != null) clock.cancel(false);
            callers.forEach(TwilioCaller::stop);
        });
    }

    /** On the loop: the figures so far. */
    long[] clockFigures() {
        return new long[]{windowTicks, lateTicks, maxLagNanos};
    }
}

package dev.parley.application.call.port.out;

import java.util.function.Consumer;

/**
 * Publishes call events to every instance and delivers every instance's events to local
 * listeners (in-memory on one instance; Redis pub/sub across several). Delivery is at most once
 * and in publishing order per publisher. Listeners must not block: hand slow work to another thread.
 */
public interface CallEvents {
    void publish(CallEvent event);

    Subscription subscribe(Consumer<CallEvent> listener);

    /** Stops delivery to one listener. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}

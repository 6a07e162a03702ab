package dev.parley.adapter.out.persistence.events;

import dev.parley.application.call.port.out.CallEvent;
import dev.parley.application.call.port.out.CallEvents;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.function.Consumer;

/** The embedded default: one instance, events delivered in the publisher's thread. */
@Singleton
@Requires(missingProperty = "redis.uri")
class InMemoryCallEvents implements CallEvents {
    private final LocalListeners listeners = new LocalListeners();

    @Override
    public void publish(CallEvent event) {
        listeners.deliver(event);
    }

    @Override
    public Subscription subscribe(Consumer<CallEvent> listener) {
        return listeners.add(listener);
    }
}

package dev.parley.adapter.out.persistence.events;

import dev.parley.application.call.port.out.CallEvent;
import dev.parley.application.call.port.out.CallEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** This instance's listeners; one failing listener never keeps an event from the others. */
final class LocalListeners {
    private static final Logger LOG = LoggerFactory.getLogger(LocalListeners.class);
    private final CopyOnWriteArrayList<Consumer<CallEvent>> listeners = new CopyOnWriteArrayList<>();

    CallEvents.Subscription add(Consumer<CallEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void deliver(CallEvent event) {
        for (Consumer<CallEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A call-event listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    int size() {
        return listeners.size();
    }
}

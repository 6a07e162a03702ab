package dev.parley.application.shared;

import java.util.function.Supplier;

/** Runs work atomically against our own database. Never call a vendor inside it. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}

package dev.parley.application.fakes;

import dev.parley.application.shared.Transactions;

import java.util.function.Supplier;

/** Runs work directly; the in-memory fakes are not transactional. */
public final class InlineTransactions implements Transactions {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}

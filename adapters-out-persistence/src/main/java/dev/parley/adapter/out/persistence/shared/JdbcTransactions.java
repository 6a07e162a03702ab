package dev.parley.adapter.out.persistence.shared;

import dev.parley.application.shared.Transactions;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Supplier;

/** The {@link Transactions} port on the JDBC data source; joins a transaction already under way. */
@Singleton
class JdbcTransactions implements Transactions {
    private final TransactionOperations<Connection> transactions;

    JdbcTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }
}

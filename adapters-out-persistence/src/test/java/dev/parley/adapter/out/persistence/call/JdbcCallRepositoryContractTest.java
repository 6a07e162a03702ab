package dev.parley.adapter.out.persistence.call;

import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.contract.CallRepositoryContract;
import dev.parley.adapter.out.persistence.testing.Accounts;
import dev.parley.application.shared.Transactions;
import dev.parley.application.tenancy.port.out.UserRepository;
import dev.parley.domain.shared.TenantId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The JDBC adapter held to the {@link CallRepository} contract, on H2 and (in the postgresql run) PostgreSQL. */
@MicronautTest(transactional = false)
class JdbcCallRepositoryContractTest extends CallRepositoryContract {
    @Inject
    UserRepository users;
    @Inject
    CallRepository calls;
    @Inject
    Transactions transactions;

    @Override
    protected CallRepository calls() {
        return calls;
    }

    @Override
    protected TenantId newTenant() {
        return Accounts.newTenant(users, transactions);
    }

    @Override
    protected void inTransaction(Runnable work) {
        transactions.run(work);
    }
}

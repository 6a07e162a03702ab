package dev.parley.adapter.out.persistence.workspace;

import dev.parley.adapter.out.persistence.testing.Accounts;
import dev.parley.application.contract.CustomScenarioRepositoryContract;
import dev.parley.application.scenario.port.out.CustomScenarioRepository;
import dev.parley.application.shared.Transactions;
import dev.parley.application.tenancy.port.out.UserRepository;
import dev.parley.domain.shared.TenantId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The JDBC adapter held to the {@link CustomScenarioRepository} contract, on H2 and (in the postgresql run) PostgreSQL. */
@MicronautTest(transactional = false)
class JdbcCustomScenarioRepositoryContractTest extends CustomScenarioRepositoryContract {
    @Inject
    UserRepository users;
    @Inject
    CustomScenarioRepository scenarios;
    @Inject
    Transactions transactions;

    @Override
    protected CustomScenarioRepository scenarios() {
        return scenarios;
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

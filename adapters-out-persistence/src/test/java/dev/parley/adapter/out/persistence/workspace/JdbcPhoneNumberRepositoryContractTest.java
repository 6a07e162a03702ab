package dev.parley.adapter.out.persistence.workspace;

import dev.parley.adapter.out.persistence.testing.Accounts;
import dev.parley.application.contract.PhoneNumberRepositoryContract;
import dev.parley.application.telephony.port.out.PhoneNumberRepository;
import dev.parley.application.shared.Transactions;
import dev.parley.application.tenancy.port.out.UserRepository;
import dev.parley.domain.shared.TenantId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The JDBC adapter held to the {@link PhoneNumberRepository} contract, on H2 and (in the postgresql run) PostgreSQL. */
@MicronautTest(transactional = false)
class JdbcPhoneNumberRepositoryContractTest extends PhoneNumberRepositoryContract {
    @Inject
    UserRepository users;
    @Inject
    PhoneNumberRepository numbers;
    @Inject
    Transactions transactions;

    @Override
    protected PhoneNumberRepository numbers() {
        return numbers;
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

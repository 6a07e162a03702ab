package dev.parley.adapter.out.persistence.call;

import dev.parley.application.call.port.out.CallMessageRepository;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.contract.CallMessageRepositoryContract;
import dev.parley.adapter.out.persistence.testing.Accounts;
import dev.parley.application.shared.Transactions;
import dev.parley.application.tenancy.port.out.UserRepository;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The JDBC adapter held to the {@link CallMessageRepository} contract, on H2 and (in the postgresql run) PostgreSQL. */
@MicronautTest(transactional = false)
class JdbcCallMessageRepositoryContractTest extends CallMessageRepositoryContract {
    @Inject
    UserRepository users;
    @Inject
    CallRepository calls;
    @Inject
    CallMessageRepository messages;
    @Inject
    Transactions transactions;

    @Override
    protected CallMessageRepository messages() {
        return messages;
    }

    @Override
    protected TenantId newTenant() {
        return Accounts.newTenant(users, transactions);
    }

    @Override
    protected CallId newCall(TenantId tenant) {
        Call call = Call.placeOutbound(calls.nextId(), tenant, new PhoneNumber("+14155550100"), new PhoneNumber("+14155550199"),
                "sales", NOW);
        transactions.run(() -> calls.add(call));
        return call.id();
    }

    @Override
    protected void inTransaction(Runnable work) {
        transactions.run(work);
    }
}

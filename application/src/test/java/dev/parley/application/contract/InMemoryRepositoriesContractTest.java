package dev.parley.application.contract;

import dev.parley.application.call.port.out.CallMessageRepository;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.fakes.InMemoryCallMessageRepository;
import dev.parley.application.fakes.InMemoryCallRepository;
import dev.parley.application.fakes.InMemoryCustomScenarioRepository;
import dev.parley.application.fakes.InMemoryPhoneNumberRepository;
import dev.parley.application.scenario.port.out.CustomScenarioRepository;
import dev.parley.application.telephony.port.out.PhoneNumberRepository;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Nested;

import java.util.concurrent.atomic.AtomicLong;

/** The in-memory fakes the application tests run on, held to the same contracts as the JDBC adapters. */
class InMemoryRepositoriesContractTest {
    private static final AtomicLong TENANTS = new AtomicLong();
    private static final AtomicLong CALLS = new AtomicLong(1_000_000);

    @Nested
    class Calls extends CallRepositoryContract {
        private final InMemoryCallRepository calls = new InMemoryCallRepository();

        @Override
        protected CallRepository calls() {
            return calls;
        }

        @Override
        protected TenantId newTenant() {
            return new TenantId(TENANTS.incrementAndGet());
        }

        @Override
        protected void inTransaction(Runnable work) {
            work.run();
        }
    }

    @Nested
    class Scenarios extends CustomScenarioRepositoryContract {
        private final InMemoryCustomScenarioRepository scenarios = new InMemoryCustomScenarioRepository();

        @Override
        protected CustomScenarioRepository scenarios() {
            return scenarios;
        }

        @Override
        protected TenantId newTenant() {
            return new TenantId(TENANTS.incrementAndGet());
        }

        @Override
        protected void inTransaction(Runnable work) {
            work.run();
        }
    }

    @Nested
    class Numbers extends PhoneNumberRepositoryContract {
        private final InMemoryPhoneNumberRepository numbers = new InMemoryPhoneNumberRepository();

        @Override
        protected PhoneNumberRepository numbers() {
            return numbers;
        }

        @Override
        protected TenantId newTenant() {
            return new TenantId(TENANTS.incrementAndGet());
        }

        @Override
        protected void inTransaction(Runnable work) {
            work.run();
        }
    }

    @Nested
    class Messages extends CallMessageRepositoryContract {
        private final InMemoryCallMessageRepository messages = new InMemoryCallMessageRepository();

        @Override
        protected CallMessageRepository messages() {
            return messages;
        }

        @Override
        protected TenantId newTenant() {
            return new TenantId(TENANTS.incrementAndGet());
        }

        @Override
        protected CallId newCall(TenantId tenant) {
            return new CallId(CALLS.incrementAndGet());
        }

        @Override
        protected void inTransaction(Runnable work) {
            work.run();
        }
    }
}

package dev.parley.application.telephony;

import dev.parley.application.fakes.FakeNumberMarketplace;
import dev.parley.application.fakes.InMemoryCustomScenarioRepository;
import dev.parley.application.fakes.InMemoryPhoneNumberRepository;
import dev.parley.application.fakes.InlineTransactions;
import dev.parley.application.fakes.MutableClock;
import dev.parley.application.scenario.service.CustomScenarioService;
import dev.parley.application.shared.PublicUrl;
import dev.parley.application.telephony.port.in.NoCallerIdException;
import dev.parley.application.telephony.port.in.PhoneNumberNotFoundException;
import dev.parley.application.telephony.port.in.PhoneNumberView;
import dev.parley.application.telephony.port.in.ProvisionNumberUseCase.ProvisionNumberCommand;
import dev.parley.application.telephony.port.in.SearchAvailableNumbersUseCase.SearchNumbersCommand;
import dev.parley.application.telephony.port.out.CarrierUnavailableException;
import dev.parley.application.telephony.port.out.NumberRoute;
import dev.parley.application.telephony.port.out.NumberUnavailableException;
import dev.parley.application.telephony.port.out.TelephonyPolicy;
import dev.parley.application.telephony.port.out.TenantLookup;
import dev.parley.application.telephony.service.NumberDirectoryService;
import dev.parley.application.telephony.service.PhoneNumberService;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberServiceTest {
    private static final TenantId ANN = new TenantId(1);
    private static final TenantId BOB = new TenantId(2);
    private static final PhoneNumber SYSTEM = new PhoneNumber("+15550000000");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final InMemoryPhoneNumberRepository numbers = new InMemoryPhoneNumberRepository();
    private final FakeNumberMarketplace carrier = new FakeNumberMarketplace();
    private final CustomScenarioService scenarios = new CustomScenarioService(new InMemoryCustomScenarioRepository(),
            new InlineTransactions(), clock);
    private final TenantLookup tenants = new TenantLookup() {
        @Override
        public Optional<TenantId> byEmail(String email) {
            return email.equals("bob@example.com") ? Optional.of(BOB) : Optional.empty();
        }

        @Override
        public Optional<TenantId> firstRegistered() {
            return Optional.of(ANN);
        }
    };

    private PhoneNumberService service(boolean development) {
        return new PhoneNumberService(numbers, carrier, scenarios, new InlineTransactions(),
                new TelephonyPolicy(development, Optional.of(SYSTEM), ""), new PublicUrl("https://parley.example"), clock);
    }

    @Test
    void provisioningBuysWithOurWebhookAndTheFirstNumberIsPrimary() {
        PhoneNumberService service = service(false);
        PhoneNumberView first = service.provision(new ProvisionNumberCommand(ANN, "+1 (505) 967-5418", null, null));
        PhoneNumberView second = service.provision(new ProvisionNumberCommand(ANN, "+15059675419", "Office", "sales"));

        assertThat(carrier.voiceUrls).containsOnly("https://parley.example/incoming-call");
        assertThat(first.phoneNumber()).isEqualTo("+15059675418");
        assertThat(first.primary()).isTrue();
        assertThat(second.primary()).isFalse();
        assertThat(second.friendlyName()).isEqualTo("Office");
        assertThat(service.list(ANN)).extracting(PhoneNumberView::phoneNumber).containsExactly("+15059675418", "+15059675419");
        assertThat(service.primary(ANN)).map(PhoneNumberView::phoneNumber).contains("+15059675418");
        assertThat(service.callerIdFor(ANN)).isEqualTo(new PhoneNumber("+15059675418"));
    }

    @Test
    void aFailedPurchaseStoresNothing() {
        PhoneNumberService service = service(false);
        carrier.failWith(new NumberUnavailableException("gone"));
        assertThatThrownBy(() -> service.provision(new ProvisionNumberCommand(ANN, "+15059675418", null, null)))
                .isInstanceOf(NumberUnavailableException.class);
        carrier.failWith(new CarrierUnavailableException("down", null));
        assertThatThrownBy(() -> service.provision(new ProvisionNumberCommand(ANN, "+15059675418", null, null)))
                .isInstanceOf(CarrierUnavailableException.class);
        assertThat(service.list(ANN)).isEmpty();
    }

    @Test
    void aNumberBoughtButNotStoredIsGivenBack() {
        PhoneNumberService service = new PhoneNumberService(numbers, carrier, scenarios, new dev.parley.application.shared.Transactions() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                throw new IllegalStateException("database down");
            }
        }, new TelephonyPolicy(false, Optional.of(SYSTEM), ""), new PublicUrl("https://parley.example"), clock);
        assertThatThrownBy(() -> service.provision(new ProvisionNumberCommand(ANN, "+15059675418", null, null)))
                .hasMessage("database down");
        assertThat(carrier.purchases).containsExactly("+15059675418");
        assertThat(carrier.releases).hasSize(1);
    }

    @Test
    void badInputIsRefusedBeforeTheCarrierIsAsked() {
        PhoneNumberService service = service(false);
        assertThatThrownBy(() -> service.provision(new ProvisionNumberCommand(ANN, "12345", null, null)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("phone_number"));
        assertThatThrownBy(() -> service.provision(new ProvisionNumberCommand(ANN, "+15059675418", null, "nope")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("inbound_scenario"));
        assertThatThrownBy(() -> service.search(new SearchNumbersCommand("12", 10, null)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("area_code"));
        assertThatThrownBy(() -> service.search(new SearchNumbersCommand("415", 51, null)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThat(carrier.purchases).isEmpty();
    }

    @Test
    void aNumberBelongsToOneTenant() {
        PhoneNumberService service = service(false);
        service.provision(new ProvisionNumberCommand(ANN, "+15059675418", null, null));
        assertThatThrownBy(() -> service.provision(new ProvisionNumberCommand(BOB, "+15059675418", null, null)))
                .isInstanceOf(NumberUnavailableException.class);
        assertThatThrownBy(() -> service.release(BOB, "+15059675418")).isInstanceOf(PhoneNumberNotFoundException.class);
        assertThat(carrier.releases).isEmpty();
        assertThat(service.list(BOB)).isEmpty();
    }

    @Test
    void releaseGivesTheNumberBackAndForgetsIt() {
        PhoneNumberService service = service(false);
        PhoneNumberView n = service.provision(new ProvisionNumberCommand(ANN, "+15059675418", null, null));
        service.release(ANN, "+15059675418");
        assertThat(carrier.releases).containsExactly(n.carrierSid());
        assertThat(service.list(ANN)).isEmpty();
    }

    @Test
    void aCarrierFailureOnReleaseKeepsTheNumber() {
        PhoneNumberService service = service(false);
        service.provision(new ProvisionNumberCommand(ANN, "+15059675418", null, null));
        carrier.failWith(new CarrierUnavailableException("down", null));
        assertThatThrownBy(() -> service.release(ANN, "+15059675418")).isInstanceOf(CarrierUnavailableException.class);
        assertThat(service.list(ANN)).hasSize(1);
    }

    @Test
    void callerIdIsTheSystemNumberInDevelopmentAndRequiresAPrimaryInProduction() {
        assertThat(service(true).callerIdFor(ANN)).isEqualTo(SYSTEM);
        assertThatThrownBy(() -> service(false).callerIdFor(ANN)).isInstanceOf(NoCallerIdException.class)
                .hasMessageContaining("provision");
        PhoneNumberService noSystem = new PhoneNumberService(numbers, carrier, scenarios, new InlineTransactions(),
                new TelephonyPolicy(true, Optional.empty(), ""), new PublicUrl("https://parley.example"), clock);
        assertThatThrownBy(() -> noSystem.callerIdFor(ANN)).isInstanceOf(NoCallerIdException.class)
                .hasMessageContaining("TWILIO_PHONE_NUMBER");
    }

    @Test
    void theDirectoryRoutesOwnedNumbersAndTheSystemNumberInDevelopment() {
        service(false).provision(new ProvisionNumberCommand(BOB, "+15059675418", null, "customer_service"));
        NumberDirectoryService production = new NumberDirectoryService(numbers, tenants, new TelephonyPolicy(false, Optional.of(SYSTEM), ""));
        NumberDirectoryService development = new NumberDirectoryService(numbers, tenants, new TelephonyPolicy(true, Optional.of(SYSTEM), ""));
        NumberDirectoryService toBob = new NumberDirectoryService(numbers, tenants,
                new TelephonyPolicy(true, Optional.of(SYSTEM), "Bob@Example.com"));

        assertThat(production.route(new PhoneNumber("+15059675418"))).isEqualTo(new NumberRoute.Assigned(BOB, "customer_service"));
        assertThat(production.route(SYSTEM)).isInstanceOf(NumberRoute.Unassigned.class);
        assertThat(development.route(SYSTEM)).isEqualTo(new NumberRoute.Assigned(ANN, "default"));
        assertThat(toBob.route(SYSTEM)).isEqualTo(new NumberRoute.Assigned(BOB, "default"));
        assertThat(development.route(new PhoneNumber("+15550009999"))).isInstanceOf(NumberRoute.Unassigned.class);
    }
}

package dev.parley.adapter.out.persistence.workspace;

import dev.parley.application.onboarding.port.out.OnboardingRepository;
import dev.parley.application.scenario.port.in.CustomScenarioCommand;
import dev.parley.application.scenario.port.in.CustomScenarioView;
import dev.parley.application.scenario.port.out.CustomScenarioRepository;
import dev.parley.application.scenario.service.CustomScenarioService;
import dev.parley.application.shared.Transactions;
import dev.parley.application.telephony.port.out.PhoneNumberRepository;
import dev.parley.application.telephony.port.out.TenantLookup;
import dev.parley.application.tenancy.port.out.UserRepository;
import dev.parley.domain.onboarding.OnboardingProgress;
import dev.parley.domain.onboarding.OnboardingStep;
import dev.parley.domain.scenario.CustomScenario;
import dev.parley.domain.scenario.Persona;
import dev.parley.domain.scenario.Prompt;
import dev.parley.domain.scenario.ScenarioLimitReachedException;
import dev.parley.domain.scenario.Temperature;
import dev.parley.domain.scenario.VoiceType;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.telephony.UserPhoneNumber;
import dev.parley.domain.tenancy.EmailAddress;
import dev.parley.domain.tenancy.PasswordHash;
import dev.parley.domain.tenancy.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenarios, phone numbers and onboarding on the real database (H2, then PostgreSQL). */
@MicronautTest(transactional = false)
class WorkspaceRepositoriesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Inject
    UserRepository users;
    @Inject
    CustomScenarioRepository scenarios;
    @Inject
    PhoneNumberRepository numbers;
    @Inject
    OnboardingRepository onboarding;
    @Inject
    TenantLookup tenants;
    @Inject
    Transactions transactions;

    private TenantId newTenant() {
        User user = User.register(users.nextId(), new EmailAddress("w-" + UUID.randomUUID() + "@example.com"),
                new PasswordHash("$argon2id$x"), NOW);
        transactions.run(() -> users.add(user));
        return user.tenant();
    }

    private CustomScenario scenario(TenantId tenant, String ref) {
        return CustomScenario.create(scenarios.nextId(), tenant, ref, 0, new Persona("You are Max."), new Prompt("Sell."),
                VoiceType.AGGRESSIVE_MALE, new Temperature(0.7), NOW);
    }

    private static PhoneNumber randomNumber() {
        return new PhoneNumber("+1505" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)));
    }

    @Test
    void aScenarioRoundTripsAndStaysInsideItsTenant() {
        TenantId ann = newTenant();
        TenantId bob = newTenant();
        CustomScenario s = scenario(ann, "custom_" + ann.value() + "_1");
        transactions.run(() -> scenarios.add(s));

        CustomScenario loaded = scenarios.findByRef(ann, s.ref()).orElseThrow();
        assertThat(loaded.persona().text()).isEqualTo("You are Max.");
        assertThat(loaded.voice()).isEqualTo(VoiceType.AGGRESSIVE_MALE);
        assertThat(loaded.temperature().value()).isEqualTo(0.7);
        assertThat(loaded.createdAt()).isEqualTo(NOW);
        assertThat(scenarios.findById(ann, s.id())).isPresent();

        assertThat(scenarios.findByRef(bob, s.ref())).isEmpty();
        assertThat(scenarios.findById(bob, s.id())).isEmpty();
        assertThat(scenarios.list(bob)).isEmpty();
        assertThat(scenarios.count(bob)).isZero();
        assertThat(transactions.inTransaction(() -> scenarios.delete(bob, s.id()))).isFalse();

        loaded.revise(new Persona("New"), new Prompt("Newer"), VoiceType.CORAL, new Temperature(1.0), NOW.plusSeconds(60));
        transactions.run(() -> scenarios.update(loaded));
        assertThat(scenarios.list(ann)).singleElement().satisfies(x -> {
            assertThat(x.prompt().text()).isEqualTo("Newer");
            assertThat(x.updatedAt()).isEqualTo(NOW.plusSeconds(60));
        });
        assertThat(transactions.inTransaction(() -> scenarios.delete(ann, s.id()))).isTrue();
        assertThat(scenarios.count(ann)).isZero();
    }

    /** Two creates racing at 19 scenarios: the tenant's row lock lets exactly one through. */
    @RepeatedTest(3)
    void twoConcurrentCreatesAtNineteenCannotBothSucceed() throws Exception {
        TenantId ann = newTenant();
        for (int i = 0; i < 19; i++) {
            CustomScenario s = scenario(ann, "seed_" + i);
            transactions.run(() -> scenarios.add(s));
        }
        CustomScenarioService service = new CustomScenarioService(scenarios, transactions, Clock.fixed(NOW, ZoneOffset.UTC));
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Boolean> create = () -> {
            start.await();
            try {
                service.create(new CustomScenarioCommand(ann, "p", "q", "calm_male", null));
                return true;
            } catch (ScenarioLimitReachedException refused) {
                return false;
            }
        };
        List<Boolean> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Boolean> a = pool.submit(create);
            Future<Boolean> b = pool.submit(create);
            outcomes.add(a.get());
            outcomes.add(b.get());
        }
        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        assertThat(scenarios.count(ann)).isEqualTo(20);
    }

    @Test
    void theServiceOnTheRealDatabaseGivesDistinctIdsWithinOneSecond() {
        TenantId ann = newTenant();
        CustomScenarioService service = new CustomScenarioService(scenarios, transactions, Clock.fixed(NOW, ZoneOffset.UTC));
        CustomScenarioView first = service.create(new CustomScenarioCommand(ann, "p", "q", null, null));
        CustomScenarioView second = service.create(new CustomScenarioCommand(ann, "p", "q", null, null));
        assertThat(first.scenarioId()).isEqualTo("custom_" + ann.value() + "_" + NOW.getEpochSecond());
        assertThat(second.scenarioId()).isEqualTo(first.scenarioId() + "_2");
    }

    @Test
    void aNumberBelongsToOneTenantAndIsListedOldestFirst() {
        TenantId ann = newTenant();
        TenantId bob = newTenant();
        PhoneNumber first = randomNumber();
        PhoneNumber second = randomNumber();
        UserPhoneNumber a1 = new UserPhoneNumber(numbers.nextId(), ann, first, "PN1", "Main", true, false, "sales", NOW);
        UserPhoneNumber a2 = new UserPhoneNumber(numbers.nextId(), ann, second, "PN2", null, true, true, null, NOW);
        transactions.run(() -> {
            numbers.add(a1);
            numbers.add(a2);
        });

        assertThat(numbers.list(ann)).extracting(UserPhoneNumber::phoneNumber).containsExactly(first, second);
        assertThat(numbers.list(ann).getFirst().inboundScenario()).isEqualTo("sales");
        assertThat(numbers.list(ann).get(1).friendlyName()).isEqualTo(second.e164());
        assertThat(numbers.find(ann, first)).isPresent();
        assertThat(numbers.find(bob, first)).isEmpty();
        assertThat(numbers.list(bob)).isEmpty();
        assertThat(numbers.findOwner(first)).map(UserPhoneNumber::tenant).contains(ann);

        UserPhoneNumber stolen = new UserPhoneNumber(numbers.nextId(), bob, first, "PN3", null, true, true, null, NOW);
        assertThatThrownBy(() -> transactions.run(() -> numbers.add(stolen))).isInstanceOf(PhoneNumberRepository.NumberTakenException.class);
        assertThat(transactions.inTransaction(() -> numbers.remove(bob, a1.id()))).isFalse();
        assertThat(transactions.inTransaction(() -> numbers.remove(ann, a1.id()))).isTrue();
        assertThat(numbers.findOwner(first)).isEmpty();
    }

    @Test
    void onboardingProgressRoundTripsAndIsAddedOnce() {
        TenantId ann = newTenant();
        OnboardingProgress p = OnboardingProgress.start(ann, NOW);
        assertThat(transactions.inTransaction(() -> onboarding.addIfAbsent(p))).isTrue();
        assertThat(transactions.inTransaction(() -> onboarding.addIfAbsent(OnboardingProgress.start(ann, NOW.plusSeconds(9))))).isFalse();

        p.complete(OnboardingStep.PHONE_SETUP, NOW);
        p.complete(OnboardingStep.CALENDAR_CONNECTED, NOW);
        p.complete(OnboardingStep.FIRST_SCENARIO_CREATED, NOW);
        transactions.run(() -> onboarding.update(p));
        OnboardingProgress loaded = onboarding.find(ann).orElseThrow();
        assertThat(loaded.doneSteps()).containsExactlyInAnyOrder(OnboardingStep.PHONE_SETUP, OnboardingStep.CALENDAR_CONNECTED,
                OnboardingStep.FIRST_SCENARIO_CREATED);
        assertThat(loaded.startedAt()).isEqualTo(NOW);
        assertThat(loaded.completedAt()).isEmpty();

        loaded.complete(OnboardingStep.WELCOME_CALL_COMPLETED, NOW.plusSeconds(30));
        transactions.run(() -> onboarding.update(loaded));
        assertThat(onboarding.find(ann).orElseThrow().completedAt()).contains(NOW.plusSeconds(30));
        assertThat(onboarding.find(newTenant())).isEmpty();
    }

    @Test
    void theDevelopmentTenantIsFoundByEmailOrAsTheFirstAccount() {
        TenantId ann = newTenant();
        String email = users.find(dev.parley.domain.tenancy.UserId.of(ann)).orElseThrow().email().value();
        assertThat(tenants.byEmail(email)).contains(ann);
        assertThat(tenants.byEmail("nobody-" + UUID.randomUUID() + "@example.com")).isEmpty();
        assertThat(tenants.firstRegistered()).isPresent();
        assertThat(tenants.firstRegistered().orElseThrow().value()).isLessThanOrEqualTo(ann.value());
    }
}

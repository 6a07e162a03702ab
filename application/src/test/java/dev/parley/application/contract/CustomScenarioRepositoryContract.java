package dev.parley.application.contract;

import dev.parley.application.scenario.port.out.CustomScenarioRepository;
import dev.parley.domain.scenario.CustomScenario;
import dev.parley.domain.scenario.Persona;
import dev.parley.domain.scenario.Prompt;
import dev.parley.domain.scenario.Temperature;
import dev.parley.domain.scenario.VoiceType;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link CustomScenarioRepository} promises: run against the in-memory fake and the JDBC adapter (H2, PostgreSQL). */
public abstract class CustomScenarioRepositoryContract {
    protected static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    protected abstract CustomScenarioRepository scenarios();

    /** A tenant the store accepts. */
    protected abstract TenantId newTenant();

    protected abstract void inTransaction(Runnable work);

    private CustomScenario added(TenantId tenant, String ref, Instant at) {
        CustomScenario s = CustomScenario.create(scenarios().nextId(), tenant, ref, 0, new Persona("You are Max."), new Prompt("Sell."),
                VoiceType.AGGRESSIVE_MALE, new Temperature(0.7), at);
        inTransaction(() -> scenarios().add(s));
        return s;
    }

    @Test
    void aScenarioIsFoundByRefAndIdWithinItsOwnTenantOnly() {
        TenantId ann = newTenant();
        TenantId bob = newTenant();
        CustomScenario s = added(ann, "custom_" + ann.value() + "_1", NOW);
        assertThat(scenarios().findByRef(ann, s.ref())).hasValueSatisfying(x -> {
            assertThat(x.id()).isEqualTo(s.id());
            assertThat(x.persona().text()).isEqualTo("You are Max.");
            assertThat(x.voice()).isEqualTo(VoiceType.AGGRESSIVE_MALE);
            assertThat(x.temperature().value()).isEqualTo(0.7);
            assertThat(x.createdAt()).isEqualTo(NOW);
            assertThat(x.transferNumber()).isEmpty();
            assertThat(x.calendarTools()).isFalse();
        });
        assertThat(scenarios().findById(ann, s.id())).isPresent();
        assertThat(scenarios().findByRef(bob, s.ref())).isEmpty();
        assertThat(scenarios().findById(bob, s.id())).isEmpty();
        assertThat(scenarios().count(bob)).isZero();
        assertThat(scenarios().list(bob)).isEmpty();
    }

    @Test
    void aLoadedScenarioChangesInStorageOnlyThroughUpdate() {
        TenantId ann = newTenant();
        CustomScenario s = added(ann, "custom_" + ann.value() + "_2", NOW);
        s.revise(new Persona("Changed"), new Prompt("Changed"), VoiceType.CORAL, new Temperature(1.0), NOW.plusSeconds(1));
        assertThat(scenarios().findById(ann, s.id()).orElseThrow().prompt().text()).as("the added instance is not the stored one")
                .isEqualTo("Sell.");

        CustomScenario loaded = scenarios().findById(ann, s.id()).orElseThrow();
        loaded.revise(new Persona("New"), new Prompt("Newer"), VoiceType.CORAL, new Temperature(1.0), NOW.plusSeconds(60));
        assertThat(scenarios().findById(ann, s.id()).orElseThrow().prompt().text()).as("not saved yet").isEqualTo("Sell.");
        loaded.transferCallersTo(new PhoneNumber("+14155550177"), NOW.plusSeconds(60));
        loaded.offerCalendarTools(true, NOW.plusSeconds(60));
        inTransaction(() -> scenarios().update(loaded));
        assertThat(scenarios().findById(ann, s.id()).orElseThrow()).satisfies(x -> {
            assertThat(x.prompt().text()).isEqualTo("Newer");
            assertThat(x.calendarTools()).isTrue();
            assertThat(x.transferNumber()).contains(new PhoneNumber("+14155550177"));
            assertThat(x.voice()).isEqualTo(VoiceType.CORAL);
            assertThat(x.updatedAt()).isEqualTo(NOW.plusSeconds(60));
        });
    }

    @Test
    void aTenantsScenariosAreListedOldestFirstCountedAndDeletedOnlyByTheirTenant() {
        TenantId ann = newTenant();
        TenantId bob = newTenant();
        CustomScenario first = added(ann, "custom_" + ann.value() + "_a", NOW);
        CustomScenario second = added(ann, "custom_" + ann.value() + "_b", NOW.plusSeconds(5));
        assertThat(scenarios().list(ann)).extracting(CustomScenario::id).containsExactly(first.id(), second.id());
        assertThat(scenarios().count(ann)).isEqualTo(2);
        boolean[] deleted = new boolean[2];
        inTransaction(() -> deleted[0] = scenarios().delete(bob, first.id()));
        inTransaction(() -> deleted[1] = scenarios().delete(ann, first.id()));
        assertThat(deleted).containsExactly(false, true);
        assertThat(scenarios().list(ann)).extracting(CustomScenario::id).containsExactly(second.id());
    }
}

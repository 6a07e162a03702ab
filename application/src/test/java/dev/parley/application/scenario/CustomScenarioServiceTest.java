package dev.parley.application.scenario;

import dev.parley.application.fakes.InMemoryCustomScenarioRepository;
import dev.parley.application.fakes.InlineTransactions;
import dev.parley.application.fakes.MutableClock;
import dev.parley.application.scenario.port.in.CallScenario;
import dev.parley.application.scenario.port.in.CustomScenarioCommand;
import dev.parley.application.scenario.port.in.CustomScenarioView;
import dev.parley.application.scenario.port.in.ScenarioNotFoundException;
import dev.parley.application.scenario.service.CustomScenarioService;
import dev.parley.domain.scenario.Scenario;
import dev.parley.domain.scenario.ScenarioLimitReachedException;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomScenarioServiceTest {
    private static final TenantId ANN = new TenantId(1);
    private static final TenantId BOB = new TenantId(2);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final CustomScenarioService service = new CustomScenarioService(new InMemoryCustomScenarioRepository(),
            new InlineTransactions(), clock);

    private CustomScenarioView create(TenantId tenant) {
        return service.create(new CustomScenarioCommand(tenant, "You are Max.", "Sell the plan.", "aggressive_male", 0.7));
    }

    @Test
    void createAnswersTheSeedsIdFormAndTheCallSeesTheRenderedScenario() {
        CustomScenarioView created = create(ANN);
        assertThat(created.scenarioId()).isEqualTo("custom_1_" + clock.instant().getEpochSecond());
        assertThat(created.realtimeVoice()).isEqualTo("ash");

        CallScenario call = service.find(ANN, created.scenarioId()).orElseThrow();
        assertThat(call.instructions()).startsWith(Scenario.SAFETY_PREAMBLE).contains("You are Max.").contains("Sell the plan.");
        assertThat(call.voice()).isEqualTo("ash");
        assertThat(call.temperature()).isEqualTo(0.7);
        assertThat(service.find(ANN, String.valueOf(created.id()))).isPresent();
    }

    @Test
    void aScenarioSwitchedOnForCalendarToolsSaysSoToItsCallsUntilARewriteLeavesTheSwitchOut() {
        CustomScenarioView created = service.create(new CustomScenarioCommand(ANN, "You are Max.", "Book.", null, null, null, true));
        assertThat(created.calendarTools()).isTrue();
        assertThat(service.find(ANN, created.scenarioId()).orElseThrow().calendarTools()).isTrue();
        assertThat(service.find(ANN, "sales").orElseThrow().calendarTools()).as("built-in scenarios do without").isFalse();

        CustomScenarioView rewritten = service.update(created.scenarioId(), new CustomScenarioCommand(ANN, "You are Max.", "Book.", null, null));
        assertThat(rewritten.calendarTools()).isFalse();
        assertThat(service.find(ANN, created.scenarioId()).orElseThrow().calendarTools()).isFalse();
        assertThat(service.get(ANN, created.scenarioId()).calendarTools()).isFalse();
    }

    @Test
    void aScenarioMayNameWhereItsCallsAreTransferred() {
        CustomScenarioView created = service.create(new CustomScenarioCommand(ANN, "You are Max.", "Sell.", "aggressive_male", 0.7,
                "+1 (415) 555-0177"));
        assertThat(created.transferPhoneNumber()).isEqualTo("+14155550177");
        assertThat(service.find(ANN, created.scenarioId()).orElseThrow().transferNumber()).isEqualTo(new PhoneNumber("+14155550177"));
        assertThat(service.find(ANN, "sales").orElseThrow().transferNumber()).as("built-in scenarios use the global number").isNull();

        service.update(created.scenarioId(), new CustomScenarioCommand(ANN, "You are Max.", "Sell.", "aggressive_male", 0.7));
        assertThat(service.find(ANN, created.scenarioId()).orElseThrow().transferNumber()).as("a replaced body without one clears it")
                .isNull();
        assertThatThrownBy(() -> service.create(new CustomScenarioCommand(ANN, "p", "q", "calm_male", null, "not a number")))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void twoCreatesInOneSecondGetDistinctIds() {
        assertThat(create(ANN).scenarioId()).isNotEqualTo(create(ANN).scenarioId());
    }

    @Test
    void theTwentyFirstIsRefusedAndDeletingMakesRoom() {
        CustomScenarioView first = null;
        for (int i = 0; i < 20; i++) {
            CustomScenarioView v = create(ANN);
            if (first == null) first = v;
        }
        assertThatThrownBy(() -> create(ANN)).isInstanceOf(ScenarioLimitReachedException.class);
        create(BOB);
        service.delete(ANN, first.scenarioId());
        assertThat(create(ANN)).isNotNull();
        assertThat(service.list(ANN)).hasSize(20);
    }

    @Test
    void anotherTenantsScenarioIsNotFoundAnywhere() {
        CustomScenarioView anns = create(ANN);
        assertThat(service.find(BOB, anns.scenarioId())).isEmpty();
        assertThat(service.list(BOB)).isEmpty();
        assertThatThrownBy(() -> service.get(BOB, anns.scenarioId())).isInstanceOf(ScenarioNotFoundException.class);
        assertThatThrownBy(() -> service.delete(BOB, anns.scenarioId())).isInstanceOf(ScenarioNotFoundException.class);
        assertThatThrownBy(() -> service.update(anns.scenarioId(), new CustomScenarioCommand(BOB, "p", "q", null, null)))
                .isInstanceOf(ScenarioNotFoundException.class);
        assertThat(service.get(ANN, anns.scenarioId()).persona()).isEqualTo("You are Max.");
    }

    @Test
    void updateRewritesAndValidates() {
        CustomScenarioView anns = create(ANN);
        clock.advance(java.time.Duration.ofMinutes(1));
        CustomScenarioView updated = service.update(anns.scenarioId(),
                new CustomScenarioCommand(ANN, "Updated persona", "Updated prompt", "concerned_female", 0.8));
        assertThat(updated.voiceType()).isEqualTo("concerned_female");
        assertThat(updated.updatedAt()).isAfter(updated.createdAt());
        assertThatThrownBy(() -> service.update(anns.scenarioId(), new CustomScenarioCommand(ANN, "p", "q", "x", 0.8)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("voice_type"));
        assertThatThrownBy(() -> service.create(new CustomScenarioCommand(ANN, "", "q", null, null)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("persona"));
    }

    @Test
    void builtInsAreFoundByNameForEveryTenant() {
        assertThat(service.find(BOB, "sales")).map(CallScenario::ref).contains("sales");
        assertThat(service.find(BOB, "no_such")).isEmpty();
        assertThat(service.list()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(service.voices()).extracting(v -> v.voiceType()).contains("aggressive_male", "concerned_female");
    }
}

package dev.parley.application.scenario.service;

import dev.parley.application.scenario.port.in.BuiltInScenarioView;
import dev.parley.application.scenario.port.in.CallScenario;
import dev.parley.application.scenario.port.in.CreateCustomScenarioUseCase;
import dev.parley.application.scenario.port.in.CustomScenarioCommand;
import dev.parley.application.scenario.port.in.CustomScenarioView;
import dev.parley.application.scenario.port.in.DeleteCustomScenarioUseCase;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.application.scenario.port.in.GetCustomScenarioUseCase;
import dev.parley.application.scenario.port.in.ListBuiltInScenariosUseCase;
import dev.parley.application.scenario.port.in.ListCustomScenariosUseCase;
import dev.parley.application.scenario.port.in.ListVoiceTypesUseCase;
import dev.parley.application.scenario.port.in.ScenarioNotFoundException;
import dev.parley.application.scenario.port.in.UpdateCustomScenarioUseCase;
import dev.parley.application.scenario.port.in.VoiceTypeView;
import dev.parley.application.scenario.port.out.CustomScenarioRepository;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.scenario.BuiltInScenarios;
import dev.parley.domain.scenario.CustomScenario;
import dev.parley.domain.scenario.Persona;
import dev.parley.domain.scenario.Prompt;
import dev.parley.domain.scenario.Scenario;
import dev.parley.domain.scenario.Temperature;
import dev.parley.domain.scenario.VoiceType;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Built-in and custom scenarios: the tenant's CRUD, the 20-per-tenant rule, and what a call runs. */
public final class CustomScenarioService implements CreateCustomScenarioUseCase, ListCustomScenariosUseCase,
        GetCustomScenarioUseCase, UpdateCustomScenarioUseCase, DeleteCustomScenarioUseCase, FindCallScenarioUseCase,
        ListBuiltInScenariosUseCase, ListVoiceTypesUseCase {
    private static final int MAX_REF_LENGTH = 64;
    private final CustomScenarioRepository scenarios;
    private final Transactions transactions;
    private final Clock clock;

    public CustomScenarioService(CustomScenarioRepository scenarios, Transactions transactions, Clock clock) {
        this.scenarios = scenarios;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Content(Persona persona, Prompt prompt, VoiceType voice, Temperature temperature, PhoneNumber transferNumber,
                           boolean calendarTools) {
        static Content of(CustomScenarioCommand c) {
            return new Content(new Persona(c.persona()), new Prompt(c.prompt()), VoiceType.parse(c.voiceType()),
                    Temperature.orDefault(c.temperature()), transferNumber(c.transferPhoneNumber()), c.calendarTools());
        }

        private static PhoneNumber transferNumber(String raw) {
            if (raw == null || raw.isBlank()) return null;
            try {
                return PhoneNumber.parse(raw);
            } catch (InvalidValueException e) {
                throw new InvalidValueException("transfer_phone_number", "phone-number.invalid",
                        "transfer_phone_number must be a phone number in E.164 form");
            }
        }
    }

    @Override
    public CustomScenarioView create(CustomScenarioCommand command) {
        Content content = Content.of(command);
        TenantId tenant = command.tenant();
        return transactions.inTransaction(() -> {
            scenarios.lockTenant(tenant);
            int existing = scenarios.count(tenant);
            Instant now = now();
            String ref = CustomScenario.refFor(tenant, now, 0);
            for (int clash = 1; scenarios.findByRef(tenant, ref).isPresent(); clash++) ref = CustomScenario.refFor(tenant, now, clash);
            CustomScenario scenario = CustomScenario.create(scenarios.nextId(), tenant, ref, existing, content.persona(),
                    content.prompt(), content.voice(), content.temperature(), now);
            scenario.transferCallersTo(content.transferNumber(), now);
            scenario.offerCalendarTools(content.calendarTools(), now);
            scenarios.add(scenario);
            return CustomScenarioView.of(scenario);
        });
    }

    @Override
    public List<CustomScenarioView> list(TenantId tenant) {
        return scenarios.list(tenant).stream().map(CustomScenarioView::of).toList();
    }

    @Override
    public CustomScenarioView get(TenantId tenant, String scenarioId) {
        return CustomScenarioView.of(lookUp(tenant, scenarioId).orElseThrow(ScenarioNotFoundException::new));
    }

    @Override
    public CustomScenarioView update(String scenarioId, CustomScenarioCommand command) {
        Content content = Content.of(command);
        return transactions.inTransaction(() -> {
            CustomScenario scenario = lookUp(command.tenant(), scenarioId).orElseThrow(ScenarioNotFoundException::new);
            Instant now = now();
            scenario.revise(content.persona(), content.prompt(), content.voice(), content.temperature(), now);
            scenario.transferCallersTo(content.transferNumber(), now);
            scenario.offerCalendarTools(content.calendarTools(), now);
            scenarios.update(scenario);
            return CustomScenarioView.of(scenario);
        });
    }

    @Override
    public void delete(TenantId tenant, String scenarioId) {
        transactions.run(() -> {
            CustomScenario scenario = lookUp(tenant, scenarioId).orElseThrow(ScenarioNotFoundException::new);
            if (!scenarios.delete(tenant, scenario.id())) throw new ScenarioNotFoundException();
        });
    }

    @Override
    public Optional<CallScenario> find(TenantId tenant, String scenarioRef) {
        Optional<CallScenario> builtIn = BuiltInScenarios.named(scenarioRef).map(s -> callScenario(s, null, false));
        if (builtIn.isPresent()) return builtIn;
        return lookUp(tenant, scenarioRef).map(c -> callScenario(c.toScenario(), c.transferNumber().orElse(null), c.calendarTools()));
    }

    private static CallScenario callScenario(Scenario s, PhoneNumber transferNumber, boolean calendarTools) {
        return new CallScenario(s.ref(), s.name(), s.instructions(), s.realtimeVoice(), s.temperature().value(), s.greetsFirst(),
                transferNumber, calendarTools);
    }

    @Override
    public List<BuiltInScenarioView> list() {
        return BuiltInScenarios.all().stream().map(BuiltInScenarioView::of).toList();
    }

    @Override
    public List<VoiceTypeView> voices() {
        return Arrays.stream(VoiceType.values())
                .map(v -> new VoiceTypeView(v.wireName(), v.realtimeVoice(), v.description())).toList();
    }

    /** A custom scenario by its {@code scenario_id} ({@code custom_7_1700000000}) or by its numeric id. */
    private Optional<CustomScenario> lookUp(TenantId tenant, String idOrRef) {
        if (idOrRef == null || idOrRef.isBlank() || idOrRef.length() > MAX_REF_LENGTH) return Optional.empty();
        String key = idOrRef.strip();
        if (key.chars().allMatch(Character::isDigit)) {
            try {
                return scenarios.findById(tenant, Long.parseLong(key));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        return scenarios.findByRef(tenant, key);
    }

    /** Times are kept to the microsecond, as the database stores them, so an answer and a later read agree. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}

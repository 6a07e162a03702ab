package dev.parley.domain.scenario;

import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A scenario a tenant wrote: persona, prompt, voice and temperature, named by its {@code scenario_id}. */
public final class CustomScenario {
    /** Each tenant may keep this many custom scenarios. */
    public static final int MAX_PER_TENANT = 20;

    private final long id;
    private final TenantId tenant;
    private final String ref;
    private Persona persona;
    private Prompt prompt;
    private VoiceType voice;
    private Temperature temperature;
    private final Instant createdAt;
    private Instant updatedAt;
    private PhoneNumber transferNumber;   // null: the global transfer number
    private boolean calendarTools;

    private CustomScenario(long id, TenantId tenant, String ref, Persona persona, Prompt prompt, VoiceType voice,
                           Temperature temperature, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.tenant = Objects.requireNonNull(tenant);
        this.ref = Objects.requireNonNull(ref);
        this.persona = Objects.requireNonNull(persona);
        this.prompt = Objects.requireNonNull(prompt);
        this.voice = Objects.requireNonNull(voice);
        this.temperature = Objects.requireNonNull(temperature);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
    }

    /**
     * Writes a new scenario, refusing it when the tenant already has {@link #MAX_PER_TENANT}.
     * The caller must hold the tenant's lock while counting, so two concurrent creates cannot both pass.
     */
    public static CustomScenario create(long id, TenantId tenant, String ref, int existingCount, Persona persona, Prompt prompt,
                                        VoiceType voice, Temperature temperature, Instant now) {
        if (existingCount >= MAX_PER_TENANT) throw new ScenarioLimitReachedException(MAX_PER_TENANT);
        return new CustomScenario(id, tenant, ref, persona, prompt, voice, temperature, now, now);
    }

    /** The seeds' id form: {@code custom_{user}_{epochSeconds}}, with {@code _n} appended when that second is taken. */
    public static String refFor(TenantId tenant, Instant now, int clash) {
        String base = "custom_" + tenant.value() + "_" + now.getEpochSecond();
        return clash == 0 ? base : base + "_" + (clash + 1);
    }

    /** Rebuilds a stored scenario. For persistence adapters only; checks no rules. {@code transferNumber} may be null. */
    public static CustomScenario reconstitute(long id, TenantId tenant, String ref, Persona persona, Prompt prompt, VoiceType voice,
                                              Temperature temperature, Instant createdAt, Instant updatedAt, PhoneNumber transferNumber) {
        return reconstitute(id, tenant, ref, persona, prompt, voice, temperature, createdAt, updatedAt, transferNumber, false);
    }

    /** Rebuilds a stored scenario with its calendar switch. For persistence adapters only; checks no rules. */
    public static CustomScenario reconstitute(long id, TenantId tenant, String ref, Persona persona, Prompt prompt, VoiceType voice,
                                              Temperature temperature, Instant createdAt, Instant updatedAt, PhoneNumber transferNumber,
                                              boolean calendarTools) {
        CustomScenario s = new CustomScenario(id, tenant, ref, persona, prompt, voice, temperature, createdAt, updatedAt);
        s.transferNumber = transferNumber;
        s.calendarTools = calendarTools;
        return s;
    }

    /** Whether its calls get the calendar tools (check_availability, find_slots, book_meeting). */
    public void offerCalendarTools(boolean offered, Instant now) {
        if (offered == calendarTools) return;
        this.calendarTools = offered;
        this.updatedAt = now;
    }

    /** True when its calls may look at and book in the tenant's calendar. */
    public boolean calendarTools() {
        return calendarTools;
    }

    /** Its calls' {@code transfer_to_human} goes to {@code number}; null: to the global transfer number. */
    public void transferCallersTo(PhoneNumber number, Instant now) {
        if (Objects.equals(number, transferNumber)) return;
        this.transferNumber = number;
        this.updatedAt = now;
    }

    /** Where its calls are transferred; empty: the global transfer number. */
    public Optional<PhoneNumber> transferNumber() {
        return Optional.ofNullable(transferNumber);
    }

    public void revise(Persona persona, Prompt prompt, VoiceType voice, Temperature temperature, Instant now) {
        this.persona = Objects.requireNonNull(persona);
        this.prompt = Objects.requireNonNull(prompt);
        this.voice = Objects.requireNonNull(voice);
        this.temperature = Objects.requireNonNull(temperature);
        this.updatedAt = now;
    }

    /** The scenario a call runs; custom scenarios greet first on inbound calls too. */
    public Scenario toScenario() {
        return new Scenario(ref, "Custom scenario " + ref, persona, prompt, voice, temperature, true);
    }

    public long id() {
        return id;
    }

    public TenantId tenant() {
        return tenant;
    }

    public String ref() {
        return ref;
    }

    public Persona persona() {
        return persona;
    }

    public Prompt prompt() {
        return prompt;
    }

    public VoiceType voice() {
        return voice;
    }

    public Temperature temperature() {
        return temperature;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}

package dev.parley.adapter.out.persistence.scenario;

import dev.parley.adapter.out.persistence.shared.Sequences;
import dev.parley.adapter.out.persistence.shared.TenantRowLock;
import dev.parley.application.scenario.port.out.CustomScenarioRepository;
import dev.parley.domain.scenario.CustomScenario;
import dev.parley.domain.scenario.Persona;
import dev.parley.domain.scenario.Prompt;
import dev.parley.domain.scenario.Temperature;
import dev.parley.domain.scenario.VoiceType;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

@Singleton
class JdbcCustomScenarioRepository implements CustomScenarioRepository {
    private final CustomScenarioRows rows;
    private final Sequences sequences;
    private final TenantRowLock lock;

    JdbcCustomScenarioRepository(CustomScenarioRows rows, Sequences sequences, TenantRowLock lock) {
        this.rows = rows;
        this.sequences = sequences;
        this.lock = lock;
    }

    @Override
    public long nextId() {
        return sequences.next("custom_scenarios_id_seq");
    }

    @Override
    public void lockTenant(TenantId tenant) {
        lock.lock(tenant.value());
    }

    @Override
    public int count(TenantId tenant) {
        return Math.toIntExact(rows.countByTenantId(tenant.value()));
    }

    @Override
    public Optional<CustomScenario> findByRef(TenantId tenant, String ref) {
        return rows.findByTenantIdAndScenarioId(tenant.value(), ref).map(JdbcCustomScenarioRepository::toDomain);
    }

    @Override
    public Optional<CustomScenario> findById(TenantId tenant, long id) {
        return rows.findByIdAndTenantId(id, tenant.value()).map(JdbcCustomScenarioRepository::toDomain);
    }

    @Override
    public List<CustomScenario> list(TenantId tenant) {
        return rows.findByTenantIdOrderById(tenant.value()).stream().map(JdbcCustomScenarioRepository::toDomain).toList();
    }

    @Override
    public void add(CustomScenario scenario) {
        rows.save(toRow(scenario));
    }

    @Override
    public void update(CustomScenario scenario) {
        rows.update(toRow(scenario));
    }

    @Override
    public boolean delete(TenantId tenant, long id) {
        return rows.deleteByIdAndTenantId(id, tenant.value()) > 0;
    }

    private static CustomScenarioRow toRow(CustomScenario s) {
        return new CustomScenarioRow(s.id(), s.tenant().value(), s.ref(), s.persona().text(), s.prompt().text(), s.voice().wireName(),
                s.temperature().value(), s.createdAt(), s.updatedAt(), s.transferNumber().map(PhoneNumber::e164).orElse(null), s.calendarTools());
    }

    private static CustomScenario toDomain(CustomScenarioRow r) {
        return CustomScenario.reconstitute(r.id(), new TenantId(r.tenantId()), r.scenarioId(), new Persona(r.persona()),
                new Prompt(r.prompt()), VoiceType.parse(r.voiceType()), new Temperature(r.temperature()), r.createdAt(), r.updatedAt(),
                r.transferPhoneNumber() == null ? null : new PhoneNumber(r.transferPhoneNumber()), r.calendarTools());
    }
}

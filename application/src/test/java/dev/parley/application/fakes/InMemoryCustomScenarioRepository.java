package dev.parley.application.fakes;

import dev.parley.application.scenario.port.out.CustomScenarioRepository;
import dev.parley.domain.scenario.CustomScenario;
import dev.parley.domain.shared.TenantId;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Scenarios in a map; stores and hands out copies, as a database does (see {@code CustomScenarioRepositoryContract}). */
public final class InMemoryCustomScenarioRepository implements CustomScenarioRepository {
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CustomScenario> byId = new ConcurrentHashMap<>();

    @Override
    public long nextId() {
        return ids.incrementAndGet();
    }

    @Override
    public void lockTenant(TenantId tenant) {
        // single-threaded service tests; the real lock is proven against PostgreSQL
    }

    @Override
    public int count(TenantId tenant) {
        return (int) byId.values().stream().filter(s -> s.tenant().equals(tenant)).count();
    }

    @Override
    public Optional<CustomScenario> findByRef(TenantId tenant, String ref) {
        return byId.values().stream().filter(s -> s.tenant().equals(tenant) && s.ref().equals(ref)).findFirst()
                .map(InMemoryCustomScenarioRepository::copy);
    }

    @Override
    public Optional<CustomScenario> findById(TenantId tenant, long id) {
        return Optional.ofNullable(byId.get(id)).filter(s -> s.tenant().equals(tenant)).map(InMemoryCustomScenarioRepository::copy);
    }

    @Override
    public List<CustomScenario> list(TenantId tenant) {
        return byId.values().stream().filter(s -> s.tenant().equals(tenant)).sorted(Comparator.comparingLong(CustomScenario::id))
                .map(InMemoryCustomScenarioRepository::copy).toList();
    }

    @Override
    public void add(CustomScenario scenario) {
        byId.put(scenario.id(), copy(scenario));
    }

    @Override
    public void update(CustomScenario scenario) {
        byId.put(scenario.id(), copy(scenario));
    }

    @Override
    public boolean delete(TenantId tenant, long id) {
        return findById(tenant, id).map(s -> byId.remove(id) != null).orElse(false);
    }

    private static CustomScenario copy(CustomScenario s) {
        return CustomScenario.reconstitute(s.id(), s.tenant(), s.ref(), s.persona(), s.prompt(), s.voice(), s.temperature(),
                s.createdAt(), s.updatedAt(), s.transferNumber().orElse(null), s.calendarTools());
    }
}

package dev.parley.application.fakes;

import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

public final class InMemoryCallRepository implements CallRepository {
    private final AtomicLong ids = new AtomicLong();
    private final Map<CallId, Call> byId = new ConcurrentHashMap<>();
    public int updates;

    @Override
    public CallId nextId() {
        return new CallId(ids.incrementAndGet());
    }

    @Override
    public void add(Call call) {
        byId.put(call.id(), call);
    }

    @Override
    public void update(Call call) {
        updates++;
        byId.put(call.id(), call);
    }

    @Override
    public Optional<Call> find(TenantId tenant, CallId id) {
        return Optional.ofNullable(byId.get(id)).filter(c -> c.tenant().equals(tenant));
    }

    @Override
    public Optional<Call> findForUpdate(CallId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Call> findByCarrierSid(String carrierSid) {
        return byId.values().stream().filter(c -> c.carrierSid().map(carrierSid::equals).orElse(false)).findFirst();
    }

    @Override
    public Optional<Call> findByCarrierSidForUpdate(String carrierSid) {
        return findByCarrierSid(carrierSid);
    }

    @Override
    public Page<Call> list(TenantId tenant, PageRequest page) {
        List<Call> all = byId.values().stream().filter(c -> c.tenant().equals(tenant))
                .sorted(Comparator.comparing(Call::createdAt).thenComparing(c -> c.id().value()).reversed()).toList();
        return new Page<>(all.stream().skip(page.offset()).limit(page.limit()).toList(), page.offset(), page.limit(), all.size());
    }

    public Call only() {
        if (byId.size() != 1) throw new AssertionError("expected one call, have " + byId.size());
        return byId.values().iterator().next();
    }
}

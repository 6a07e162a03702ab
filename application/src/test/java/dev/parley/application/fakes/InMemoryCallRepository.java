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

/**
 * Calls in a map, behaving as the database does where services can tell (see {@code CallRepositoryContract}):
 * it stores and hands out copies, so a change reaches storage only through {@link #update}, and it
 * refuses a carrier SID that names another call.
 */
public final class InMemoryCallRepository implements CallRepository {
    private final AtomicLong ids = new AtomicLong();
    private final Map<CallId, Call> byId = new ConcurrentHashMap<>();
    public int updates;

    @Override
    public CallId nextId() {
        return new CallId(ids.incrementAndGet());
    }

    @Override
    public synchronized void add(Call call) {
        if (byId.containsKey(call.id())) throw new IllegalStateException("Call " + call.id() + " exists");
        try {
            refuseTakenSid(call);
        } catch (IllegalStateException taken) {
            throw new CarrierSidTakenException(taken);
        }
        byId.put(call.id(), copy(call));
    }

    @Override
    public synchronized void update(Call call) {
        if (!byId.containsKey(call.id())) throw new IllegalStateException("No call " + call.id());
        refuseTakenSid(call);
        updates++;
        byId.put(call.id(), copy(call));
    }

    @Override
    public Optional<Call> find(TenantId tenant, CallId id) {
        return Optional.ofNullable(byId.get(id)).filter(c -> c.tenant().equals(tenant)).map(InMemoryCallRepository::copy);
    }

    @Override
    public Optional<Call> findForUpdate(CallId id) {
        return Optional.ofNullable(byId.get(id)).map(InMemoryCallRepository::copy);
    }

    @Override
    public Optional<Call> findByCarrierSid(String carrierSid) {
        return byId.values().stream().filter(c -> c.carrierSid().map(carrierSid::equals).orElse(false)).findFirst()
                .map(InMemoryCallRepository::copy);
    }

    @Override
    public Optional<Call> findByCarrierSidForUpdate(String carrierSid) {
        return findByCarrierSid(carrierSid);
    }

    @Override
    public Page<Call> list(TenantId tenant, PageRequest page) {
        List<Call> all = byId.values().stream().filter(c -> c.tenant().equals(tenant))
                .sorted(Comparator.comparing(Call::createdAt).thenComparing(c -> c.id().value()).reversed())
                .map(InMemoryCallRepository::copy).toList();
        return new Page<>(all.stream().skip(page.offset()).limit(page.limit()).toList(), page.offset(), page.limit(), all.size());
    }

    @Override
    public Page<Call> list(TenantId tenant, String scenarioRef, PageRequest page) {
        List<Call> all = byId.values().stream().filter(c -> c.tenant().equals(tenant) && c.scenarioRef().equals(scenarioRef))
                .sorted(Comparator.comparing(Call::createdAt).thenComparing(c -> c.id().value()).reversed())
                .map(InMemoryCallRepository::copy).toList();
        return new Page<>(all.stream().skip(page.offset()).limit(page.limit()).toList(), page.offset(), page.limit(), all.size());
    }

    /** A copy of the one stored call. */
    public Call only() {
        if (byId.size() != 1) throw new AssertionError("expected one call, have " + byId.size());
        return copy(byId.values().iterator().next());
    }

    private void refuseTakenSid(Call call) {
        call.carrierSid().ifPresent(sid -> byId.values().stream()
                .filter(c -> !c.id().equals(call.id()) && c.carrierSid().map(sid::equals).orElse(false)).findAny()
                .ifPresent(c -> {
                    throw new IllegalStateException("Carrier SID " + sid + " names call " + c.id());
                }));
    }

    private static Call copy(Call c) {
        return Call.reconstitute(c.id(), c.tenant(), c.direction(), c.channel(), c.customerNumber(), c.organizationNumber(), c.scenarioRef(),
                c.createdAt(), c.carrierSid().orElse(null), c.status(), c.answeredAt().orElse(null), c.endedAt().orElse(null),
                c.durationSeconds(), c.endReason().orElse(null), c.streamTokenHash().orElse(null),
                c.streamTokenExpiresAt().orElse(null));
    }
}

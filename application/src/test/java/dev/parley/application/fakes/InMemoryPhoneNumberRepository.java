package dev.parley.application.fakes;

import dev.parley.application.telephony.port.out.PhoneNumberRepository;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.telephony.UserPhoneNumber;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

public final class InMemoryPhoneNumberRepository implements PhoneNumberRepository {
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, UserPhoneNumber> byId = new ConcurrentHashMap<>();

    @Override
    public long nextId() {
        return ids.incrementAndGet();
    }

    @Override
    public List<UserPhoneNumber> list(TenantId tenant) {
        return byId.values().stream().filter(n -> n.tenant().equals(tenant)).sorted(Comparator.comparingLong(UserPhoneNumber::id)).toList();
    }

    @Override
    public Optional<UserPhoneNumber> find(TenantId tenant, PhoneNumber number) {
        return findOwner(number).filter(n -> n.tenant().equals(tenant));
    }

    @Override
    public Optional<UserPhoneNumber> findOwner(PhoneNumber number) {
        return byId.values().stream().filter(n -> n.phoneNumber().equals(number)).findFirst();
    }

    @Override
    public synchronized void add(UserPhoneNumber number) {
        if (findOwner(number.phoneNumber()).isPresent()) throw new NumberTakenException(null);
        byId.put(number.id(), number);
    }

    @Override
    public boolean route(TenantId tenant, long id, String scenarioRef) {
        UserPhoneNumber n = byId.get(id);
        if (n == null || !n.tenant().equals(tenant)) return false;
        byId.put(id, new UserPhoneNumber(n.id(), n.tenant(), n.phoneNumber(), n.carrierSid(), n.friendlyName(), n.voiceCapable(),
                n.smsCapable(), scenarioRef, n.createdAt()));
        return true;
    }

    @Override
    public boolean remove(TenantId tenant, long id) {
        UserPhoneNumber n = byId.get(id);
        return n != null && n.tenant().equals(tenant) && byId.remove(id) != null;
    }
}

package dev.parley.application.fakes;

import dev.parley.application.tenancy.port.out.UserRepository;
import dev.parley.domain.tenancy.EmailAddress;
import dev.parley.domain.tenancy.User;
import dev.parley.domain.tenancy.UserId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

public final class InMemoryUserRepository implements UserRepository {
    private final AtomicLong ids = new AtomicLong();
    private final Map<UserId, User> byId = new ConcurrentHashMap<>();

    @Override
    public UserId nextId() {
        return new UserId(ids.incrementAndGet());
    }

    @Override
    public Optional<User> find(UserId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return byId.values().stream().filter(u -> u.email().equals(email)).findFirst();
    }

    @Override
    public synchronized void add(User user) {
        if (findByEmail(user.email()).isPresent()) throw new EmailTakenException(null);
        byId.put(user.id(), user);
    }

    @Override
    public void update(User user) {
        byId.put(user.id(), user);
    }
}

package dev.parley.application.tenancy.service;

import dev.parley.application.shared.Transactions;
import dev.parley.application.tenancy.port.in.EmailAlreadyRegisteredException;
import dev.parley.application.tenancy.port.in.RegisterUserUseCase;
import dev.parley.application.tenancy.port.in.UserView;
import dev.parley.application.tenancy.port.out.PasswordHasher;
import dev.parley.application.tenancy.port.out.UserRepository;
import dev.parley.domain.tenancy.EmailAddress;
import dev.parley.domain.tenancy.PasswordHash;
import dev.parley.domain.tenancy.PasswordPolicy;
import dev.parley.domain.tenancy.User;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

public final class RegisterUserService implements RegisterUserUseCase {
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Transactions transactions;
    private final Clock clock;
    private final List<Consumer<User>> onRegistered;

    /**
     * @param onRegistered run inside the registering transaction, e.g. to start the onboarding of the new tenant
     */
    public RegisterUserService(UserRepository users, PasswordHasher hasher, Transactions transactions, Clock clock,
                               List<Consumer<User>> onRegistered) {
        this.users = users;
        this.hasher = hasher;
        this.transactions = transactions;
        this.clock = clock;
        this.onRegistered = List.copyOf(onRegistered);
    }

    @Override
    public UserView register(RegisterUserCommand command) {
        EmailAddress email = new EmailAddress(command.email());
        PasswordPolicy.check(command.password(), email);
        PasswordHash hash = hasher.hash(command.password());   // slow: outside the transaction
        try {
            return transactions.inTransaction(() -> {
                if (users.findByEmail(email).isPresent()) throw new EmailAlreadyRegisteredException();
                User user = User.register(users.nextId(), email, hash, clock.instant());
                users.add(user);
                onRegistered.forEach(listener -> listener.accept(user));
                return UserView.of(user);
            });
        } catch (UserRepository.EmailTakenException raced) {
            throw new EmailAlreadyRegisteredException();
        }
    }
}

package dev.parley.bootstrap;

import dev.parley.application.shared.Transactions;
import dev.parley.application.tenancy.port.in.CheckSessionUseCase;
import dev.parley.application.tenancy.port.in.GetCurrentUserUseCase;
import dev.parley.application.tenancy.port.in.ListSessionsUseCase;
import dev.parley.application.tenancy.port.in.RefreshSessionUseCase;
import dev.parley.application.tenancy.port.in.RegisterUserUseCase;
import dev.parley.application.tenancy.port.in.SignInUseCase;
import dev.parley.application.tenancy.port.in.SignOutUseCase;
import dev.parley.application.tenancy.port.out.PasswordHasher;
import dev.parley.application.tenancy.port.out.RefreshTokenRepository;
import dev.parley.application.tenancy.port.out.SessionPolicy;
import dev.parley.application.tenancy.port.out.UserRepository;
import dev.parley.application.tenancy.service.RegisterUserService;
import dev.parley.application.tenancy.service.SessionService;
import dev.parley.domain.tenancy.User;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

@Factory
class TenancyWiring {

    /** Something to do for every new tenant, inside the registering transaction (e.g. start onboarding). */
    interface NewTenantListener extends Consumer<User> {
    }

    @Singleton
    RegisterUserUseCase registerUser(UserRepository users, PasswordHasher hasher, Transactions transactions, Clock clock,
                                     List<NewTenantListener> listeners) {
        return new RegisterUserService(users, hasher, transactions, clock, List.copyOf(listeners));
    }

    @Singleton
    SessionPolicy sessionPolicy(@Value("${parley.security.refresh-token-lifetime:30d}") Duration lifetime) {
        return new SessionPolicy(lifetime);
    }

    @Singleton
    @Bean(typed = {SignInUseCase.class, RefreshSessionUseCase.class, SignOutUseCase.class, ListSessionsUseCase.class,
            GetCurrentUserUseCase.class, CheckSessionUseCase.class})
    SessionService sessions(UserRepository users, RefreshTokenRepository tokens, PasswordHasher hasher,
                            Transactions transactions, Clock clock, SessionPolicy policy) {
        return new SessionService(users, tokens, hasher, transactions, clock, policy);
    }
}

package dev.parley.application.tenancy;

import dev.parley.application.fakes.InMemoryRefreshTokenRepository;
import dev.parley.application.fakes.InMemoryUserRepository;
import dev.parley.application.fakes.InlineTransactions;
import dev.parley.application.fakes.MutableClock;
import dev.parley.application.fakes.PlainTextPasswordHasher;
import dev.parley.application.tenancy.port.in.EmailAlreadyRegisteredException;
import dev.parley.application.tenancy.port.in.InvalidCredentialsException;
import dev.parley.application.tenancy.port.in.RegisterUserUseCase.RegisterUserCommand;
import dev.parley.application.tenancy.port.in.SignInUseCase.SignInCommand;
import dev.parley.application.tenancy.port.in.SignedIn;
import dev.parley.application.tenancy.port.in.UserView;
import dev.parley.application.tenancy.port.out.SessionPolicy;
import dev.parley.application.tenancy.service.RegisterUserService;
import dev.parley.application.tenancy.service.SessionService;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.NotFoundException;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.tenancy.User;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionServiceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryRefreshTokenRepository tokens = new InMemoryRefreshTokenRepository();
    private final PlainTextPasswordHasher hasher = new PlainTextPasswordHasher();
    private final List<User> registered = new ArrayList<>();
    private final RegisterUserService registration = new RegisterUserService(users, hasher, new InlineTransactions(), clock,
            List.<Consumer<User>>of(registered::add));
    private final SessionService sessions = new SessionService(users, tokens, hasher, new InlineTransactions(), clock,
            new SessionPolicy(Duration.ofDays(30)));

    @Test
    void registrationNormalisesTheEmailAndTellsListeners() {
        UserView ann = registration.register(new RegisterUserCommand(" Ann@Example.com", "secure_password"));

        assertThat(ann.email()).isEqualTo("ann@example.com");
        assertThat(ann.active()).isTrue();
        assertThat(ann.admin()).isFalse();
        assertThat(registered).extracting(u -> u.id().value()).containsExactly(ann.id());
    }

    @Test
    void aSecondRegistrationOfTheSameAddressInAnotherSpellingIsRefused() {
        registration.register(new RegisterUserCommand("ann@example.com", "secure_password"));
        assertThatThrownBy(() -> registration.register(new RegisterUserCommand("ANN@example.com", "other_password")))
                .isInstanceOf(EmailAlreadyRegisteredException.class);
    }

    @Test
    void aWeakPasswordIsRefusedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> registration.register(new RegisterUserCommand("ann@example.com", "short")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThat(users.findByEmail(new dev.parley.domain.tenancy.EmailAddress("ann@example.com"))).isEmpty();
    }

    @Test
    void unknownEmailAndWrongPasswordFailAlikeAndBothVerifyAHash() {
        registration.register(new RegisterUserCommand("ann@example.com", "secure_password"));

        Throwable unknown = catchFailure(() -> sessions.signIn(new SignInCommand("bob@example.com", "secure_password")));
        int afterUnknown = hasher.verifications;
        Throwable wrong = catchFailure(() -> sessions.signIn(new SignInCommand("ann@example.com", "wrong_password1")));

        assertThat(unknown).isInstanceOf(InvalidCredentialsException.class).hasMessage(wrong.getMessage());
        assertThat(afterUnknown).isPositive();
        assertThat(hasher.verifications).isEqualTo(afterUnknown + 1);
    }

    @Test
    void refreshRotatesAndTheOldTokenStopsWorking() {
        registration.register(new RegisterUserCommand("ann@example.com", "secure_password"));
        SignedIn first = sessions.signIn(new SignInCommand("ann@example.com", "secure_password"));

        SignedIn second = sessions.refresh(first.refreshToken());

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThatThrownBy(() -> sessions.refresh(first.refreshToken())).isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void replayingARotatedTokenRevokesTheWholeFamily() {
        registration.register(new RegisterUserCommand("ann@example.com", "secure_password"));
        SignedIn first = sessions.signIn(new SignInCommand("ann@example.com", "secure_password"));
        SignedIn second = sessions.refresh(first.refreshToken());

        assertThatThrownBy(() -> sessions.refresh(first.refreshToken())).isInstanceOf(InvalidCredentialsException.class);
        assertThatThrownBy(() -> sessions.refresh(second.refreshToken())).isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void anExpiredRefreshTokenIsRefused() {
        registration.register(new RegisterUserCommand("ann@example.com", "secure_password"));
        SignedIn first = sessions.signIn(new SignInCommand("ann@example.com", "secure_password"));
        clock.advance(Duration.ofDays(31));
        assertThatThrownBy(() -> sessions.refresh(first.refreshToken())).isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void signOutRevokesTheRefreshToken() {
        registration.register(new RegisterUserCommand("ann@example.com", "secure_password"));
        SignedIn first = sessions.signIn(new SignInCommand("ann@example.com", "secure_password"));
        sessions.signOut(first.refreshToken());
        sessions.signOut(first.refreshToken());   // idempotent
        sessions.signOut("never-issued");
        assertThatThrownBy(() -> sessions.refresh(first.refreshToken())).isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void aTenantCannotEndAnotherTenantsSession() {
        UserView ann = registration.register(new RegisterUserCommand("ann@example.com", "secure_password"));
        UserView bob = registration.register(new RegisterUserCommand("bob@example.com", "secure_password"));
        SignedIn annSession = sessions.signIn(new SignInCommand("ann@example.com", "secure_password"));
        long annSessionId = sessions.list(new TenantId(ann.id())).getFirst().id();

        assertThat(sessions.list(new TenantId(bob.id()))).isEmpty();
        assertThatThrownBy(() -> sessions.endSession(new TenantId(bob.id()), annSessionId)).isInstanceOf(NotFoundException.class);
        assertThat(sessions.refresh(annSession.refreshToken())).isNotNull();
    }

    private static Throwable catchFailure(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}

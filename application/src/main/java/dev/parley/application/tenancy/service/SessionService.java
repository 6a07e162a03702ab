package dev.parley.application.tenancy.service;

import dev.parley.application.shared.Transactions;
import dev.parley.application.tenancy.port.in.CheckSessionUseCase;
import dev.parley.application.tenancy.port.in.GetCurrentUserUseCase;
import dev.parley.application.tenancy.port.in.InvalidCredentialsException;
import dev.parley.application.tenancy.port.in.ListSessionsUseCase;
import dev.parley.application.tenancy.port.in.RefreshSessionUseCase;
import dev.parley.application.tenancy.port.in.SessionView;
import dev.parley.application.tenancy.port.in.SignInUseCase;
import dev.parley.application.tenancy.port.in.SignOutUseCase;
import dev.parley.application.tenancy.port.in.SignedIn;
import dev.parley.application.tenancy.port.in.UserView;
import dev.parley.application.tenancy.port.out.PasswordHasher;
import dev.parley.application.tenancy.port.out.RefreshTokenRepository;
import dev.parley.application.tenancy.port.out.SessionPolicy;
import dev.parley.application.tenancy.port.out.UserRepository;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.NotFoundException;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.tenancy.EmailAddress;
import dev.parley.domain.tenancy.PasswordHash;
import dev.parley.domain.tenancy.RefreshToken;
import dev.parley.domain.tenancy.RefreshTokenId;
import dev.parley.domain.tenancy.User;
import dev.parley.domain.tenancy.UserId;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Sign-in, refresh-token rotation, sign-out and the current user: the life of a session. */
public final class SessionService implements SignInUseCase, RefreshSessionUseCase, SignOutUseCase,
        ListSessionsUseCase, GetCurrentUserUseCase, CheckSessionUseCase {
    static final String BAD_LOGIN = "Incorrect email or password";
    static final String BAD_REFRESH = "Invalid or expired refresh token";

    private final UserRepository users;
    private final RefreshTokenRepository tokens;
    private final PasswordHasher hasher;
    private final Transactions transactions;
    private final Clock clock;
    private final SessionPolicy policy;
    /** Compared against when the e-mail is unknown, so both failures take the same time. */
    private final PasswordHash decoy;

    public SessionService(UserRepository users, RefreshTokenRepository tokens, PasswordHasher hasher,
                          Transactions transactions, Clock clock, SessionPolicy policy) {
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = policy;
        this.decoy = hasher.hash(RefreshTokens.newSecret());
    }

    @Override
    public SignedIn signIn(SignInCommand command) {
        Optional<User> found;
        try {
            found = users.findByEmail(new EmailAddress(command.email()));
        } catch (InvalidValueException malformed) {
            found = Optional.empty();
        }
        String password = command.password() == null ? "" : command.password();
        if (found.isEmpty()) {
            hasher.matches(password, decoy);
            throw new InvalidCredentialsException(BAD_LOGIN);
        }
        User user = found.get();
        if (!hasher.matches(password, user.passwordHash()) || !user.isActive())
            throw new InvalidCredentialsException(BAD_LOGIN);
        PasswordHash stronger = hasher.needsRehash(user.passwordHash()) ? hasher.hash(password) : null;
        return transactions.inTransaction(() -> {
            if (stronger != null) {
                user.rehashPassword(stronger);
                users.update(user);
            }
            Instant now = clock.instant();
            String secret = RefreshTokens.newSecret();
            RefreshToken issued = RefreshToken.issue(tokens.nextId(), user.id(), RefreshTokens.digest(secret), now, expiry(now));
            tokens.add(issued);
            return new SignedIn(UserView.of(user), secret, expiry(now), issued.family());
        });
    }

    @Override
    public SignedIn refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) throw new InvalidCredentialsException(BAD_REFRESH);
        String hash = RefreshTokens.digest(refreshToken);
        // a replayed (revoked) token revokes its family, and that must commit although the refresh fails
        boolean replayed = transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<RefreshToken> found = tokens.findByHashForUpdate(hash);
            if (found.isPresent() && found.get().isRevoked()) {
                tokens.revokeFamily(found.get().tenant(), found.get().family(), now);
                return true;
            }
            return false;
        });
        if (replayed) throw new InvalidCredentialsException(BAD_REFRESH);
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            RefreshToken current = tokens.findByHashForUpdate(hash)
                    .filter(token -> token.isUsable(now))
                    .orElseThrow(() -> new InvalidCredentialsException(BAD_REFRESH));
            User user = users.find(current.user()).filter(User::isActive)
                    .orElseThrow(() -> new InvalidCredentialsException(BAD_REFRESH));
            String secret = RefreshTokens.newSecret();
            RefreshToken next = current.rotate(tokens.nextId(), RefreshTokens.digest(secret), now, expiry(now));
            tokens.update(current);
            tokens.add(next);
            return new SignedIn(UserView.of(user), secret, next.expiresAt(), next.family());
        });
    }

    @Override
    public void signOut(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) return;
        transactions.run(() -> tokens.findByHashForUpdate(RefreshTokens.digest(refreshToken)).ifPresent(token -> {
            token.revoke(clock.instant());
            tokens.update(token);
        }));
    }

    @Override
    public void endSession(TenantId tenant, long sessionId) {
        if (sessionId <= 0) throw sessionNotFound();
        transactions.run(() -> {
            RefreshToken token = tokens.find(tenant, new RefreshTokenId(sessionId))
                    .filter(t -> !t.isRevoked())
                    .orElseThrow(SessionService::sessionNotFound);
            token.revoke(clock.instant());
            tokens.update(token);
        });
    }

    @Override
    public boolean isActive(TenantId tenant, long sessionId) {
        Instant now = clock.instant();
        return tokens.findUsable(tenant, now).stream().anyMatch(token -> token.family() == sessionId);
    }

    @Override
    public List<SessionView> list(TenantId tenant) {
        return tokens.findUsable(tenant, clock.instant()).stream()
                .sorted(Comparator.comparing(RefreshToken::createdAt).reversed())
                .map(t -> new SessionView(t.id().value(), t.createdAt(), t.expiresAt()))
                .toList();
    }

    @Override
    public UserView get(TenantId tenant) {
        return users.find(UserId.of(tenant)).filter(User::isActive).map(UserView::of)
                .orElseThrow(() -> new InvalidCredentialsException("Could not validate credentials"));
    }

    private Instant expiry(Instant now) {
        return now.plus(policy.refreshTokenLifetime());
    }

    private static NotFoundException sessionNotFound() {
        return new NotFoundException("session.not-found", "Session not found");
    }
}

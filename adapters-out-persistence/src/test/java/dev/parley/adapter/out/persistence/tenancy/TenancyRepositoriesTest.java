package dev.parley.adapter.out.persistence.tenancy;

import dev.parley.application.shared.Transactions;
import dev.parley.application.tenancy.port.out.PasswordHasher;
import dev.parley.application.tenancy.port.out.RefreshTokenRepository;
import dev.parley.application.tenancy.port.out.UserRepository;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.tenancy.EmailAddress;
import dev.parley.domain.tenancy.PasswordHash;
import dev.parley.domain.tenancy.RefreshToken;
import dev.parley.domain.tenancy.User;
import dev.parley.domain.tenancy.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(transactional = false)
class TenancyRepositoriesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Inject
    UserRepository users;
    @Inject
    RefreshTokenRepository tokens;
    @Inject
    Transactions transactions;
    @Inject
    PasswordHasher hasher;

    private User newUser() {
        EmailAddress email = new EmailAddress("u-" + UUID.randomUUID() + "@example.com");
        return User.register(users.nextId(), email, new PasswordHash("$argon2id$x"), NOW);
    }

    @Test
    void aUserRoundTripsAndIsFoundByNormalisedEmail() {
        User user = newUser();
        transactions.run(() -> users.add(user));

        User found = users.findByEmail(new EmailAddress(user.email().value().toUpperCase())).orElseThrow();
        assertThat(found.id()).isEqualTo(user.id());
        assertThat(found.isActive()).isTrue();
        assertThat(found.isAdmin()).isFalse();
        assertThat(found.createdAt()).isEqualTo(NOW);
        assertThat(found.passwordHash()).isEqualTo(user.passwordHash());
    }

    @Test
    void theDatabaseRefusesASecondAccountForOneEmailEvenWhenRacing() throws Exception {
        EmailAddress email = new EmailAddress("race-" + UUID.randomUUID() + "@example.com");
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Boolean> add = () -> {
            User user = User.register(users.nextId(), email, new PasswordHash("$argon2id$x"), NOW);
            start.await();
            try {
                transactions.run(() -> users.add(user));
                return true;
            } catch (UserRepository.EmailTakenException taken) {
                return false;
            }
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Boolean> a = pool.submit(add);
            Future<Boolean> b = pool.submit(add);
            assertThat(a.get() ^ b.get()).as("exactly one insert wins").isTrue();
        }
    }

    @Test
    void idsComeFromTheSequenceAndNeverRepeat() {
        UserId first = users.nextId();
        UserId second = users.nextId();
        assertThat(second.value()).isGreaterThan(first.value());
    }

    @Test
    void aRefreshTokenIsFoundByHashAndRotationIsStored() {
        User user = newUser();
        transactions.run(() -> users.add(user));
        String hash = UUID.randomUUID().toString().replace("-", "") + "0".repeat(32);
        RefreshToken token = RefreshToken.issue(tokens.nextId(), user.id(), hash, NOW, NOW.plus(Duration.ofDays(1)));
        transactions.run(() -> tokens.add(token));

        RefreshToken loaded = transactions.inTransaction(() -> tokens.findByHashForUpdate(hash)).orElseThrow();
        RefreshToken next = loaded.rotate(tokens.nextId(), hash.replace('0', '1'), NOW.plusSeconds(1), NOW.plus(Duration.ofDays(2)));
        transactions.run(() -> {
            tokens.update(loaded);
            tokens.add(next);
        });

        assertThat(tokens.findByHash(hash).orElseThrow().isRevoked()).isTrue();
        assertThat(tokens.findByHash(hash).orElseThrow().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(tokens.findUsable(user.tenant(), NOW.plusSeconds(2))).extracting(RefreshToken::id).containsExactly(next.id());
    }

    @Test
    void anotherTenantNeverSeesATokenAndRevokingAFamilyStaysInsideTheTenant() {
        User ann = newUser();
        User bob = newUser();
        transactions.run(() -> {
            users.add(ann);
            users.add(bob);
        });
        RefreshToken annToken = RefreshToken.issue(tokens.nextId(), ann.id(), "a".repeat(60) + ann.id().value() % 10 + "aaa",
                NOW, NOW.plus(Duration.ofDays(1)));
        transactions.run(() -> tokens.add(annToken));

        assertThat(tokens.find(bob.tenant(), annToken.id())).isEmpty();
        assertThat(tokens.findUsable(bob.tenant(), NOW)).isEmpty();
        tokens.revokeFamily(bob.tenant(), annToken.family(), NOW);
        assertThat(tokens.find(ann.tenant(), annToken.id()).orElseThrow().isRevoked()).isFalse();

        tokens.revokeFamily(ann.tenant(), annToken.family(), NOW.plusSeconds(1));
        assertThat(tokens.find(ann.tenant(), annToken.id()).orElseThrow().revokedAt()).contains(NOW.plusSeconds(1));
    }

    @Test
    void timestampsSurviveTheRoundTripToTheMicrosecond() {
        User user = User.register(users.nextId(), new EmailAddress("t-" + UUID.randomUUID() + "@example.com"),
                new PasswordHash("$argon2id$x"), Instant.parse("2026-03-01T12:00:00.123456Z"));
        transactions.run(() -> users.add(user));
        assertThat(users.find(user.id()).orElseThrow().createdAt())
                .isEqualTo(Instant.parse("2026-03-01T12:00:00.123456Z").truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void argon2HashesVerifyOnlyTheRightPasswordAndCarryTheirParameters() {
        PasswordHash hash = hasher.hash("secure_password");
        assertThat(hash.encoded()).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(hasher.matches("secure_password", hash)).isTrue();
        assertThat(hasher.matches("secure_passworD", hash)).isFalse();
        assertThat(hasher.matches("secure_password", new PasswordHash("garbage"))).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
        assertThat(hasher.needsRehash(new PasswordHash("$2b$12$notargon"))).isTrue();
        assertThat(hasher.hash("secure_password")).as("salted").isNotEqualTo(hash);
    }

    @Test
    void aTokenOfAnUnknownUserIsRefusedByTheForeignKey() {
        RefreshToken orphan = RefreshToken.issue(tokens.nextId(), new UserId(999_999_999L), "f".repeat(64), NOW, NOW.plusSeconds(60));
        assertThatThrownBy(() -> transactions.run(() -> tokens.add(orphan))).isInstanceOf(RuntimeException.class);
        assertThat(tokens.find(new TenantId(999_999_999L), orphan.id())).isEmpty();
    }
}

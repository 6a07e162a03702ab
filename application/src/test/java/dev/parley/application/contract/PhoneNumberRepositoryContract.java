package dev.parley.application.contract;

import dev.parley.application.telephony.port.out.PhoneNumberRepository;
import dev.parley.application.telephony.port.out.PhoneNumberRepository.NumberTakenException;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.telephony.UserPhoneNumber;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link PhoneNumberRepository} promises: run against the in-memory fake and the JDBC adapter (H2, PostgreSQL). */
public abstract class PhoneNumberRepositoryContract {
    protected static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    protected abstract PhoneNumberRepository numbers();

    /** A tenant the store accepts. */
    protected abstract TenantId newTenant();

    protected abstract void inTransaction(Runnable work);

    private static PhoneNumber randomNumber() {
        return new PhoneNumber("+1505" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)));
    }

    private UserPhoneNumber number(TenantId tenant, PhoneNumber e164, Instant at) {
        return new UserPhoneNumber(numbers().nextId(), tenant, e164, "PN" + e164.e164().substring(1), "Front desk", true, false,
                "sales", at);
    }

    @Test
    void aNumberBelongsToOneTenantAndRoutesToItsOwner() {
        TenantId ann = newTenant();
        TenantId bob = newTenant();
        PhoneNumber e164 = randomNumber();
        UserPhoneNumber n = number(ann, e164, NOW);
        inTransaction(() -> numbers().add(n));
        assertThat(numbers().find(ann, e164)).hasValueSatisfying(x -> {
            assertThat(x.id()).isEqualTo(n.id());
            assertThat(x.friendlyName()).isEqualTo("Front desk");
            assertThat(x.inboundScenario()).isEqualTo("sales");
            assertThat(x.voiceCapable()).isTrue();
            assertThat(x.smsCapable()).isFalse();
        });
        assertThat(numbers().find(bob, e164)).isEmpty();
        assertThat(numbers().findOwner(e164)).hasValueSatisfying(x -> assertThat(x.tenant()).isEqualTo(ann));
        assertThat(numbers().findOwner(randomNumber())).isEmpty();
    }

    @Test
    void aNumberStoredAlreadyIsRefusedWhateverTheTenant() {
        TenantId ann = newTenant();
        TenantId bob = newTenant();
        PhoneNumber e164 = randomNumber();
        inTransaction(() -> numbers().add(number(ann, e164, NOW)));
        UserPhoneNumber twin = number(bob, e164, NOW);
        assertThatThrownBy(() -> inTransaction(() -> numbers().add(twin))).isInstanceOf(NumberTakenException.class);
        assertThat(numbers().list(bob)).isEmpty();
    }

    @Test
    void aTenantsNumbersAreListedOldestFirstAndRemovedOnlyByTheirTenant() {
        TenantId ann = newTenant();
        TenantId bob = newTenant();
        UserPhoneNumber first = number(ann, randomNumber(), NOW);
        inTransaction(() -> numbers().add(first));
        UserPhoneNumber second = number(ann, randomNumber(), NOW.plusSeconds(5));
        inTransaction(() -> numbers().add(second));
        assertThat(numbers().list(ann)).extracting(UserPhoneNumber::id).containsExactly(first.id(), second.id());
        boolean[] removed = new boolean[2];
        inTransaction(() -> removed[0] = numbers().remove(bob, first.id()));
        inTransaction(() -> removed[1] = numbers().remove(ann, first.id()));
        assertThat(removed).containsExactly(false, true);
        assertThat(numbers().list(ann)).extracting(UserPhoneNumber::id).containsExactly(second.id());
    }
}

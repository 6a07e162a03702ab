package dev.parley.adapter.in.web.security;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {
    private final AtomicInteger checks = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T20:00:00Z"));

    private VerifiedTokens<Object> tokens(Map<String, JWT> valid) {
        return new VerifiedTokens<>((token, request) -> {
            checks.incrementAndGet();
            return Optional.ofNullable(valid.get(token));
        }, jwt -> {
            try {
                return Optional.of(Authentication.build(jwt.getJWTClaimsSet().getSubject()));
            } catch (java.text.ParseException e) {
                return Optional.empty();
            }
        }, Duration.ofMinutes(1), clock);
    }

    private static JWT jwt(String subject, Instant expires) {
        return new PlainJWT(new JWTClaimsSet.Builder().subject(subject).expirationTime(Date.from(expires)).build());
    }

    @Test
    void aVerifiedTokenIsCheckedOnceAndThenRemembered() {
        VerifiedTokens<Object> tokens = tokens(Map.of("t1", jwt("ann", clock.instant().plusSeconds(1800))));
        assertThat(tokens.authenticate("t1", null)).get().extracting(Authentication::getName).isEqualTo("ann");
        assertThat(tokens.authenticate("t1", null)).isPresent();
        assertThat(checks).hasValue(1);
    }

    @Test
    void aRememberedTokenStopsWorkingAtItsOwnExpiry() {
        VerifiedTokens<Object> tokens = tokens(Map.of("t1", jwt("ann", clock.instant().plusSeconds(30))));
        assertThat(tokens.authenticate("t1", null)).isPresent();
        clock.now = clock.now.plusSeconds(31);
        assertThat(tokens.authenticate("t1", null)).isEmpty();
    }

    @Test
    void aRefusedTokenIsNotRememberedAndIsCheckedEveryTime() {
        VerifiedTokens<Object> tokens = tokens(Map.of());
        assertThat(tokens.authenticate("forged", null)).isEmpty();
        assertThat(tokens.authenticate("forged", null)).isEmpty();
        assertThat(checks).hasValue(2);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

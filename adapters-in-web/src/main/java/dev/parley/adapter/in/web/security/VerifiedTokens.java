package dev.parley.adapter.in.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jwt.JWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.JsonWebTokenValidator;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;

/**
 * Bearer-token validation on the request's own thread, with the verified tokens remembered. Micronaut's
 * reactive validator (the bean this replaces) hands every validation to the blocking executor and back (it allows for signature keys
 * fetched over the network); Parley signs with a local HMAC key, so that hop only adds two thread switches and a
 * queue to every authenticated request, and under load it was a source of the latency tail. A token that verified is
 * kept (by its exact text) until its own expiry or {@code parley.security.verified-token-cache} (1 min), whichever
 * comes first, so a client's next requests skip the signature and claims checks; the session check
 * ({@link SessionGate}) still runs on every request, so a signed-out session's tokens stop working as before.
 */
@Singleton
@Replaces(ReactiveJsonWebTokenValidator.class)
final class VerifiedTokens<T> implements ReactiveJsonWebTokenValidator<JWT, T> {
    private final JsonWebTokenValidator<JWT, T> validator;
    private final JwtAuthenticationFactory authentications;
    private final Cache<String, Verified> verified;
    private final Clock clock;

    @Inject
    VerifiedTokens(JsonWebTokenValidator<JWT, T> validator, JwtAuthenticationFactory authentications,
                   @Value("${parley.security.verified-token-cache:1m}") Duration keepFor) {
        this(validator, authentications, keepFor, Clock.systemUTC());
    }

    VerifiedTokens(JsonWebTokenValidator<JWT, T> validator, JwtAuthenticationFactory authentications, Duration keepFor, Clock clock) {
        this.validator = validator;
        this.authentications = authentications;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(keepFor).build();
    }

    @Override
    public Publisher<Authentication> validateToken(String token, T request) {
        Optional<Authentication> authentication = authenticate(token, request);
        return authentication.isPresent() ? Publishers.just(authentication.get()) : Publishers.empty();
    }

    /** The signature and claims checks alone (no cache), as the replaced bean offered. */
    @Override
    public Publisher<JWT> validate(String token, T request) {
        Optional<JWT> jwt = validator.validate(token, request);
        return jwt.isPresent() ? Publishers.just(jwt.get()) : Publishers.empty();
    }

    Optional<Authentication> authenticate(String token, T request) {
        long now = clock.millis();
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            if (now < known.expiresAtMillis()) return Optional.of(known.authentication());
            verified.invalidate(token);
            return Optional.empty();
        }
        Optional<JWT> jwt = validator.validate(token, request);
        if (jwt.isEmpty()) return Optional.empty();
        Optional<Authentication> authentication = jwt.flatMap(authentications::createAuthentication);
        authentication.ifPresent(a -> expiry(jwt.get()).ifPresent(expiresAt -> verified.put(token, new Verified(a, expiresAt))));
        return authentication;
    }

    /** Only tokens with an expiry are remembered (Parley's all have one). */
    private static Optional<Long> expiry(JWT jwt) {
        try {
            Date exp = jwt.getJWTClaimsSet().getExpirationTime();
            return exp == null ? Optional.empty() : Optional.of(exp.getTime());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private record Verified(Authentication authentication, long expiresAtMillis) {
    }
}

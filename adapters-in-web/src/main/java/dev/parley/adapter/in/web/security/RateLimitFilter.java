package dev.parley.adapter.in.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.adapter.in.web.problem.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.util.HttpClientAddressResolver;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Token buckets (Bucket4j) per client address and endpoint group; over the limit answers 429 with Retry-After. */
@ServerFilter({"/auth/login", "/auth/register", "/auth/refresh", "/token"})
final class RateLimitFilter {
    private final RateLimitProperties properties;
    private final HttpClientAddressResolver addresses;
    /** Bounded and self-cleaning: an idle client's bucket is full again after a minute anyway. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(2, TimeUnit.MINUTES).maximumSize(100_000).build();

    RateLimitFilter(RateLimitProperties properties, HttpClientAddressResolver addresses) {
        this.properties = properties;
        this.addresses = addresses;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        if (!properties.enabled() || request.getMethod() != HttpMethod.POST) return null;
        boolean refresh = request.getPath().equals("/auth/refresh");
        int perMinute = refresh ? properties.refreshPerMinute() : properties.authPerMinute();
        String key = (refresh ? "refresh|" : "auth|") + addresses.resolve(request);
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return null;
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        return Problems.response(request, HttpStatus.TOO_MANY_REQUESTS,
                        "Rate limit exceeded: " + perMinute + " requests per minute; retry in " + retryAfter + " s", "rate.limited")
                .header("Retry-After", Long.toString(retryAfter));
    }
}

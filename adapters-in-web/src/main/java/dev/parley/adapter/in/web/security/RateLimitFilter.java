package dev.parley.adapter.in.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.adapter.in.web.problem.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets (Bucket4j) per client address and named limit, for routes marked {@link RateLimited};
 * over the limit answers 429 with Retry-After. The filter looks at the matched route, not the path, so
 * a trailing slash or any other spelling that reaches a limited route is counted too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RateLimitFilter {
    private final RateLimitProperties properties;
    private final ClientAddress addresses;
    /** Bounded and self-cleaning: an idle client's bucket is full again after a minute anyway. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(2, TimeUnit.MINUTES).maximumSize(100_000).build();

    RateLimitFilter(RateLimitProperties properties, ClientAddress addresses) {
        this.properties = properties;
        this.addresses = addresses;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        if (!properties.enabled()) return null;
        Optional<String> limit = RouteAttributes.getRouteMatch(request)
                .flatMap(route -> route.getAnnotationMetadata().stringValue(RateLimited.class));
        if (limit.isEmpty()) return null;
        int perMinute = properties.perMinute(limit.get());
        String key = limit.get() + '|' + addresses.of(request);
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

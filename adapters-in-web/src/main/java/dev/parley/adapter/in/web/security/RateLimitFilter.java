package dev.parley.adapter.in.web.security;

import dev.parley.adapter.in.web.problem.Problems;
import dev.parley.application.shared.RateLimits;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.RouteAttributes;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.Principal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seed 004's rate limits for routes marked {@link RateLimited}: one token bucket per limit and user (or
 * client address), kept by the {@link RateLimits} port (Redis when configured, so instances share it).
 * Runs after the security filter, so the user is known; looks at the matched route, not the path, so any
 * spelling that reaches a limited route counts. Over the limit: 429 in the problem shape with Retry-After;
 * every answer of a limited route carries X-RateLimit-Limit and X-RateLimit-Remaining. When the bucket
 * store cannot answer, the request goes ahead (a Redis outage must not take sign-in down) and a warning is logged.
 * A reactive filter, like {@link SessionGateFilter}: Micronaut 4.10's filter methods refuse a future of "go on"
 * (null), and a Redis answer arrives on Lettuce's thread.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class RateLimitFilter implements HttpServerFilter {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);
    private final RateLimitProperties properties;
    private final ClientAddress addresses;
    private final RateLimits limits;
    private final AtomicLong storeFailures = new AtomicLong();

    RateLimitFilter(RateLimitProperties properties, ClientAddress addresses, RateLimits limits) {
        this.properties = properties;
        this.addresses = addresses;
        this.limits = limits;
    }

    /** After the security filter, so the signed-in user is known. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 1;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!properties.enabled()) return chain.proceed(request);
        Optional<AnnotationValue<RateLimited>> marked = RouteAttributes.getRouteMatch(request)
                .flatMap(route -> route.getAnnotationMetadata().findAnnotation(RateLimited.class));
        if (marked.isEmpty()) return chain.proceed(request);
        String name = marked.get().stringValue().orElseThrow();
        RateLimited.Per per = marked.get().enumValue("by", RateLimited.Per.class).orElse(RateLimited.Per.USER);
        int capacity = properties.perWindow(name);
        String key = name + '|' + callerOf(request, per);
        CompletableFuture<RateLimits.Decision> taken = limits.take(key, new RateLimits.Limit(capacity, properties.window()))
                .toCompletableFuture();
        if (taken.isDone()) return decide(request, chain, capacity, outcome(taken));
        return subscriber -> taken.whenComplete((d, f) -> decide(request, chain, capacity, outcome(taken)).subscribe(subscriber));
    }

    private Publisher<MutableHttpResponse<?>> decide(HttpRequest<?> request, ServerFilterChain chain, int capacity,
                                                     Optional<RateLimits.Decision> decision) {
        if (decision.isEmpty()) return chain.proceed(request);
        RateLimits.Decision d = decision.get();
        if (d.allowed()) return Publishers.map(chain.proceed(request), response -> withHeaders(response, capacity, d.remaining()));
        long retryAfter = Math.max(1, d.retryAfter().toSeconds() + (d.retryAfter().toNanosPart() > 0 ? 1 : 0));
        MutableHttpResponse<?> refused = Problems.response(request, HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded: " + capacity
                        + " requests " + properties.windowInWords() + "; retry in " + retryAfter + " s", "rate.limited")
                .header("Retry-After", Long.toString(retryAfter));
        return Publishers.just(withHeaders(refused, capacity, 0));
    }

    private Optional<RateLimits.Decision> outcome(CompletableFuture<RateLimits.Decision> taken) {
        try {
            return Optional.of(taken.join());
        } catch (RuntimeException failure) {
            if (storeFailures.getAndIncrement() % 100 == 0)
                LOG.warn("Rate-limit store unavailable, request let through ({} so far): {}", storeFailures.get(), failure.toString());
            return Optional.empty();
        }
    }

    private static MutableHttpResponse<?> withHeaders(MutableHttpResponse<?> response, int capacity, long remaining) {
        response.getHeaders().set("X-RateLimit-Limit", Integer.toString(capacity));
        response.getHeaders().set("X-RateLimit-Remaining", Long.toString(remaining));
        return response;
    }

    private String callerOf(HttpRequest<?> request, RateLimited.Per per) {
        if (per == RateLimited.Per.USER) {
            Optional<Principal> user = request.getUserPrincipal();
            if (user.isPresent() && user.get() instanceof Authentication auth) return "user:" + CurrentTenant.of(auth).value();
        }
        return "address:" + addresses.of(request);
    }
}

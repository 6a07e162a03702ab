package dev.parley.adapter.in.web.security;

import dev.parley.adapter.in.web.problem.Problems;
import dev.parley.application.shared.RateLimits;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.RouteAttributes;
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
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RateLimitFilter implements Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";
    private final RateLimitProperties properties;
    private final ClientAddress addresses;
    private final RateLimits limits;
    private final AtomicLong storeFailures = new AtomicLong();

    RateLimitFilter(RateLimitProperties properties, ClientAddress addresses, RateLimits limits) {
        this.properties = properties;
        this.addresses = addresses;
        this.limits = limits;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    CompletableFuture<@Nullable HttpResponse<?>> limit(HttpRequest<?> request) {
        if (!properties.enabled()) return CompletableFuture.completedFuture(null);
        Optional<AnnotationValue<RateLimited>> marked = RouteAttributes.getRouteMatch(request)
                .flatMap(route -> route.getAnnotationMetadata().findAnnotation(RateLimited.class));
        if (marked.isEmpty()) return CompletableFuture.completedFuture(null);
        String name = marked.get().stringValue().orElseThrow();
        RateLimited.Per per = marked.get().enumValue("by", RateLimited.Per.class).orElse(RateLimited.Per.USER);
        int capacity = properties.perWindow(name);
        String key = name + '|' + callerOf(request, per);
        return limits.take(key, new RateLimits.Limit(capacity, properties.window())).toCompletableFuture()
                .<HttpResponse<?>>thenApply(decision -> {
                    request.setAttribute(DECISION, new Counted(capacity, decision));
                    if (decision.allowed()) return null;
                    long retryAfter = Math.max(1, decision.retryAfter().toSeconds() + (decision.retryAfter().toNanosPart() > 0 ? 1 : 0));
                    return Problems.response(request, HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded: " + capacity + " requests "
                                    + properties.windowInWords() + "; retry in " + retryAfter + " s", "rate.limited")
                            .header("Retry-After", Long.toString(retryAfter));
                })
                .exceptionally(failure -> {
                    if (storeFailures.getAndIncrement() % 100 == 0)
                        LOG.warn("Rate-limit store unavailable, request let through ({} so far): {}", storeFailures.get(), failure.toString());
                    return null;
                });
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(DECISION, Counted.class).ifPresent(counted -> {
            response.getHeaders().set("X-RateLimit-Limit", Integer.toString(counted.capacity()));
            response.getHeaders().set("X-RateLimit-Remaining", Long.toString(counted.decision().remaining()));
        });
    }

    private String callerOf(HttpRequest<?> request, RateLimited.Per per) {
        if (per == RateLimited.Per.USER) {
            Optional<Principal> user = request.getUserPrincipal();
            if (user.isPresent() && user.get() instanceof Authentication auth) return "user:" + CurrentTenant.of(auth).value();
        }
        return "address:" + addresses.of(request);
    }

    private record Counted(int capacity, RateLimits.Decision decision) {
    }
}

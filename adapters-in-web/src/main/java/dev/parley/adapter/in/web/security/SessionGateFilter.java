package dev.parley.adapter.in.web.security;

import dev.parley.adapter.in.web.problem.Problems;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Publisher;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * After the security filter has verified a bearer token: 401 when the sign-in it names has ended
 * ({@link SessionGate}). A cached answer decides at once on the event loop; otherwise the request
 * goes on (or is refused) when the database has answered on the blocking executor, never blocking the
 * loop. A reactive filter, because Micronaut 4.10's filter methods refuse a future of "go on" (null).
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class SessionGateFilter implements HttpServerFilter {
    private final SessionGate gate;

    SessionGateFilter(SessionGate gate) {
        this.gate = gate;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty() || MetricsScrapeToken.isScraper(authentication.get())) return chain.proceed(request);
        CompletableFuture<Boolean> active = gate.isActive(authentication.get());
        if (active.isDone() && !active.isCompletedExceptionally()) return decide(request, chain, active.join());
        return subscriber -> active.whenComplete((ok, failed) -> decide(request, chain, Boolean.TRUE.equals(ok)).subscribe(subscriber));
    }

    private static Publisher<MutableHttpResponse<?>> decide(HttpRequest<?> request, ServerFilterChain chain, boolean active) {
        if (active) return chain.proceed(request);
        return Publishers.just(Problems.response(request, HttpStatus.UNAUTHORIZED, "The session of this token has ended; sign in again",
                "auth.session-ended"));
    }
}

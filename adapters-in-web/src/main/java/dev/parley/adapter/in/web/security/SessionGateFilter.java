package dev.parley.adapter.in.web.security;

import dev.parley.adapter.in.web.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;

import java.util.Optional;

/**
 * After the security filter has verified a bearer token: 401 when the sign-in it names has ended
 * ({@link SessionGate}). It runs on the blocking executor (virtual threads), where the routes it guards
 * run anyway, because a cache miss asks the database; Micronaut 4.10's filter runner does not accept
 * an asynchronous "go on" (a future or publisher of null), so the check is synchronous there.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SessionGateFilter implements Ordered {
    private final SessionGate gate;

    SessionGateFilter(SessionGate gate) {
        this.gate = gate;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty() || gate.isActive(authentication.get()).join()) return null;
        return Problems.response(request, HttpStatus.UNAUTHORIZED, "The session of this token has ended; sign in again",
                "auth.session-ended");
    }
}

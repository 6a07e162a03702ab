package dev.parley.adapter.in.web.session;

import dev.parley.adapter.in.web.problem.ProblemResponse;
import dev.parley.adapter.in.web.problem.Problems;
import dev.parley.application.session.port.out.RealtimeUnavailableException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** OpenAI Realtime not configured (no key): 503; refusing or down: 502. The message names the service, never its answer. */
@Produces
@Singleton
final class RealtimeUnavailableHandler implements ExceptionHandler<RealtimeUnavailableException, HttpResponse<ProblemResponse>> {
    @Override
    public HttpResponse<ProblemResponse> handle(HttpRequest request, RealtimeUnavailableException e) {
        HttpStatus status = e.isNotConfigured() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
        return HttpResponse.<ProblemResponse>status(status).contentType(Problems.CONTENT_TYPE)
                .body(ProblemResponse.of(status.getCode(), status.getReason(), e.getMessage(),
                        e.isNotConfigured() ? "realtime.not-configured" : "realtime.unavailable", request.getPath()));
    }
}

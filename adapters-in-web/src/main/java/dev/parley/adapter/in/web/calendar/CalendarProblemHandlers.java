package dev.parley.adapter.in.web.calendar;

import dev.parley.adapter.in.web.problem.ProblemResponse;
import dev.parley.adapter.in.web.problem.Problems;
import dev.parley.application.calendar.port.in.CalendarNotConfiguredException;
import dev.parley.application.calendar.port.out.CalendarUnavailableException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Google's trouble is never a 500: not configured here 503, Google down or failing 502, each saying so. */
final class CalendarProblemHandlers {
    private CalendarProblemHandlers() {
    }

    /** A gateway problem with its own message (Problems.response hides the detail of 5xx faults, which these are not). */
    static HttpResponse<ProblemResponse> problem(HttpRequest<?> request, HttpStatus status, String detail, String code) {
        return HttpResponse.<ProblemResponse>status(status).contentType(Problems.CONTENT_TYPE)
                .body(ProblemResponse.of(status.getCode(), status.getReason(), detail, code, request.getPath()));
    }

    @Produces
    @Singleton
    static final class NotConfigured implements ExceptionHandler<CalendarNotConfiguredException, HttpResponse<ProblemResponse>> {
        @Override
        public HttpResponse<ProblemResponse> handle(HttpRequest request, CalendarNotConfiguredException exception) {
            return problem(request, HttpStatus.SERVICE_UNAVAILABLE, exception.getMessage(), "calendar.not-configured");
        }
    }

    @Produces
    @Singleton
    static final class Unavailable implements ExceptionHandler<CalendarUnavailableException, HttpResponse<ProblemResponse>> {
        @Override
        public HttpResponse<ProblemResponse> handle(HttpRequest request, CalendarUnavailableException exception) {
            return problem(request, HttpStatus.BAD_GATEWAY, exception.getMessage(), "calendar.unavailable");
        }
    }
}

package dev.parley.adapter.in.web.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/** Builds problem responses; the one place that decides what a server fault may reveal (nothing). */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    public static MutableHttpResponse<ProblemResponse> response(HttpRequest<?> request, HttpStatus status, String detail,
                                                                String code) {
        return HttpResponse.<ProblemResponse>status(status).contentType(CONTENT_TYPE)
                .body(body(request, status.getCode(), status.getReason(), detail, code, List.of(), null));
    }

    public static MutableHttpResponse<ProblemResponse> validation(HttpRequest<?> request, List<ProblemResponse.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("The request is not valid");
        return HttpResponse.<ProblemResponse>status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(CONTENT_TYPE)
                .body(body(request, 422, HttpStatus.UNPROCESSABLE_ENTITY.getReason(), detail, "validation.failed", errors, null));
    }

    static ProblemResponse body(HttpRequest<?> request, int status, String title, String detail, String code,
                                List<ProblemResponse.FieldError> errors, Throwable cause) {
        String instance = request == null ? null : request.getPath();
        if (status >= 500) {
            String correlation = UUID.randomUUID().toString();
            LOG.error("Server fault {} on {} {}", correlation, request == null ? "?" : request.getMethodName(), instance, cause);
            return ProblemResponse.of(status, title, "Internal server error; quote " + correlation + " when reporting it",
                    "server.fault", instance).withCorrelationId(correlation);
        }
        return ProblemResponse.of(status, title, detail, code, instance).withErrors(errors);
    }
}

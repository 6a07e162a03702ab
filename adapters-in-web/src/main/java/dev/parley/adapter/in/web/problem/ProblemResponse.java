package dev.parley.adapter.in.web.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * Every error answer: RFC 9457 problem details ({@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance}) plus the product's {@code status_code}, a stable {@code code},
 * the offending fields of a validation failure, and for server faults a correlation id to quote.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ProblemResponse(String type,
                              String title,
                              int status,
                              String detail,
                              int statusCode,
                              @Nullable String code,
                              @Nullable String instance,
                              @Nullable List<FieldError> errors,
                              @Nullable String correlationId) {

    @Serdeable
    public record FieldError(String field, String message) {
    }

    public static ProblemResponse of(int status, String title, String detail, @Nullable String code,
                                     @Nullable String instance) {
        return new ProblemResponse("about:blank", title, status, detail, status, code, instance, null, null);
    }

    public ProblemResponse withErrors(List<FieldError> fieldErrors) {
        return new ProblemResponse(type, title, status, detail, statusCode, code, instance,
                fieldErrors.isEmpty() ? null : List.copyOf(fieldErrors), correlationId);
    }

    public ProblemResponse withCorrelationId(String id) {
        return new ProblemResponse(type, title, status, detail, statusCode, code, instance, errors, id);
    }
}

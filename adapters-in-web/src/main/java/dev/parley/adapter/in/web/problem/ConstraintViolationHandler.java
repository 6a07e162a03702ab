package dev.parley.adapter.in.web.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.List;

/** Bean-validation failures answer 422 and name each field (the JSON name, snake_case) and what is wrong. */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
final class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<ProblemResponse>> {

    @Override
    public HttpResponse<ProblemResponse> handle(HttpRequest request, ConstraintViolationException exception) {
        List<ProblemResponse.FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new ProblemResponse.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(ProblemResponse.FieldError::field))
                .toList();
        return Problems.validation(request, errors);
    }

    /** The leaf of {@code create.body.voiceType} as the client spelled it: {@code voice_type}. */
    private static String field(ConstraintViolation<?> violation) {
        String leaf = null;
        for (Path.Node node : violation.getPropertyPath()) leaf = node.getName();
        if (leaf == null) return "body";
        return leaf.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}

package dev.parley.adapter.in.web.problem;

import dev.parley.application.tenancy.port.in.InvalidCredentialsException;
import dev.parley.domain.shared.ConflictException;
import dev.parley.domain.shared.DomainException;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.NotFoundException;
import dev.parley.domain.usage.BudgetExhaustedException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/** Maps broken business rules to answers: invalid value 422, not found 404, conflict 409, bad credentials 401, budget used up 402. */
@Produces
@Singleton
@Requires(classes = {DomainException.class, ExceptionHandler.class})
final class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<ProblemResponse>> {

    @Override
    public HttpResponse<ProblemResponse> handle(HttpRequest request, DomainException exception) {
        return switch (exception) {
            case InvalidValueException invalid -> Problems.validation(request,
                    List.of(new ProblemResponse.FieldError(invalid.field(), invalid.getMessage())));
            case NotFoundException missing -> Problems.response(request, HttpStatus.NOT_FOUND, missing.getMessage(), missing.code());
            case InvalidCredentialsException bad -> Problems.response(request, HttpStatus.UNAUTHORIZED, bad.getMessage(), bad.code())
                    .header("WWW-Authenticate", "Bearer");
            case BudgetExhaustedException spent -> Problems.response(request, HttpStatus.PAYMENT_REQUIRED, spent.getMessage(), spent.code());
            case ConflictException conflict -> Problems.response(request, HttpStatus.CONFLICT, conflict.getMessage(), conflict.code());
            default -> Problems.response(request, HttpStatus.BAD_REQUEST, exception.getMessage(), exception.code());
        };
    }
}

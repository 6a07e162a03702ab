package dev.parley.adapter.in.web.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Gives Micronaut's own error answers (unknown route, wrong method, malformed JSON, unsatisfied
 * arguments, oversize bodies, authorization failures, unhandled exceptions) the problem shape.
 */
@Primary
@Singleton
final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<ProblemResponse> {

    @Override
    public ProblemResponse body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        String title = HttpStatus.valueOf(status).getReason();
        String detail = detailFor(status, context);
        List<ProblemResponse.FieldError> fields = context.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new ProblemResponse.FieldError(e.getPath().get(), ParserMessages.plain(e.getMessage())))
                .toList();
        return Problems.body(context.getRequest(), status, title, detail, codeFor(status), fields,
                context.getRootCause().orElse(null));
    }

    @Override
    public String contentType() {
        return Problems.CONTENT_TYPE;
    }

    private static String detailFor(int status, ErrorContext context) {
        return switch (status) {
            case 400 -> context.getErrors().stream().findFirst().map(Error::getMessage)
                    .map(ParserMessages::plain).orElse("Bad request");
            case 401 -> "Not authenticated";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported content type";
            default -> context.getErrors().stream().findFirst().map(Error::getMessage)
                    .map(ParserMessages::plain).orElse(HttpStatus.valueOf(status).getReason());
        };
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "request.malformed";
            case 401 -> "auth.required";
            case 403 -> "auth.forbidden";
            case 404 -> "route.not-found";
            case 405 -> "method.not-allowed";
            case 413 -> "request.too-large";
            case 415 -> "media-type.unsupported";
            default -> "http." + status;
        };
    }
}

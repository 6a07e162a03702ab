package dev.parley.adapter.in.web.problem;

import dev.parley.application.tenancy.port.out.CaptchaUnavailableException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The CAPTCHA provider could not be asked: sign-up and sign-in fail closed with 503, saying so, never a 500. */
@Produces
@Singleton
@Requires(classes = CaptchaUnavailableException.class)
final class CaptchaUnavailableHandler implements ExceptionHandler<CaptchaUnavailableException, HttpResponse<ProblemResponse>> {
    private static final Logger LOG = LoggerFactory.getLogger(CaptchaUnavailableHandler.class);

    @Override
    public HttpResponse<ProblemResponse> handle(HttpRequest request, CaptchaUnavailableException exception) {
        LOG.warn("CAPTCHA verification unavailable: {}", exception.getMessage());
        // built here, not through Problems.response: that one hides every 5xx as a server fault, and this one is not ours
        return HttpResponse.<ProblemResponse>status(HttpStatus.SERVICE_UNAVAILABLE).contentType(Problems.CONTENT_TYPE)
                .header("Retry-After", "30")
                .body(ProblemResponse.of(503, HttpStatus.SERVICE_UNAVAILABLE.getReason(),
                        "CAPTCHA verification is unavailable right now; please try again shortly", "captcha.unavailable",
                        request.getPath()));
    }
}

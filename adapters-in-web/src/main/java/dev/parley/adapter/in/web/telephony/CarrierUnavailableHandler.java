package dev.parley.adapter.in.web.telephony;

import dev.parley.adapter.in.web.problem.ProblemResponse;
import dev.parley.adapter.in.web.problem.Problems;
import dev.parley.application.telephony.port.out.CarrierUnavailableException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Twilio could not serve us (credentials, outage, network): 502 Bad Gateway, saying so; never a 500. */
@Produces
@Singleton
final class CarrierUnavailableHandler implements ExceptionHandler<CarrierUnavailableException, HttpResponse<ProblemResponse>> {

    @Override
    public HttpResponse<ProblemResponse> handle(HttpRequest request, CarrierUnavailableException exception) {
        return HttpResponse.<ProblemResponse>status(HttpStatus.BAD_GATEWAY).contentType(Problems.CONTENT_TYPE)
                .body(ProblemResponse.of(502, HttpStatus.BAD_GATEWAY.getReason(), exception.getMessage(), "carrier.unavailable",
                        request.getPath()));
    }
}

package dev.parley.adapter.in.web.call;

import dev.parley.adapter.in.web.problem.ProblemResponse;
import dev.parley.adapter.in.web.problem.Problems;
import dev.parley.application.call.port.in.CallNotPlacedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The carrier refused or could not be reached: 502, in the product's error shape. */
@Produces
@Singleton
final class CallNotPlacedHandler implements ExceptionHandler<CallNotPlacedException, HttpResponse<ProblemResponse>> {
    @Override
    public HttpResponse<ProblemResponse> handle(HttpRequest request, CallNotPlacedException exception) {
        // a carrier refusal is not our fault: its reason is shown, unlike a server fault's
        return HttpResponse.<ProblemResponse>status(HttpStatus.BAD_GATEWAY).contentType(Problems.CONTENT_TYPE)
                .body(ProblemResponse.of(502, HttpStatus.BAD_GATEWAY.getReason(), exception.getMessage(), exception.code(),
                        request.getPath()));
    }
}

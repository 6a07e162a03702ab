package dev.parley.adapter.in.twilio;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * A form body that is not valid URL encoding ({@code %zz=1}) fails in Netty's form decoder while the
 * route's arguments are bound. It is the client's fault: 403 on Twilio's webhooks (a body that cannot
 * be read cannot have its signature checked), 400 in the error shape everywhere else (the OAuth2 token
 * endpoint), with one log line and no stack trace. It lives here because the exception is Netty's, and
 * Netty stays inside the two bridge adapters.
 */
@Produces
@Singleton
final class MalformedFormBodyHandler
        implements ExceptionHandler<HttpPostRequestDecoder.ErrorDataDecoderException, HttpResponse<Map<String, Object>>> {
    private static final Logger LOG = LoggerFactory.getLogger(MalformedFormBodyHandler.class);

    @Override
    public HttpResponse<Map<String, Object>> handle(HttpRequest request, HttpPostRequestDecoder.ErrorDataDecoderException exception) {
        boolean webhook = RouteAttributes.getRouteMatch(request)
                .filter(MethodBasedRouteMatch.class::isInstance)
                .map(route -> ((MethodBasedRouteMatch<?, ?>) route).getDeclaringType().getPackageName())
                .filter(TwilioVoiceController.class.getPackageName()::equals)
                .isPresent();
        LOG.warn("Refused {} {}: malformed form body", request.getMethodName(), request.getPath());
        return webhook
                ? WebhookProblems.of(request, HttpStatus.FORBIDDEN, "Webhook signature is missing or invalid", "webhook.forged")
                : WebhookProblems.of(request, HttpStatus.BAD_REQUEST, "Malformed form body: not valid URL encoding", "request.malformed");
    }
}

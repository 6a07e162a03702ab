package dev.parley.adapter.in.twilio;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** 403 in the product's error shape; the reason is logged (without the request's data), not explained to the caller. */
@Produces
@Singleton
final class ForgedWebhookHandler implements ExceptionHandler<ForgedWebhookException, HttpResponse<Map<String, Object>>> {
    private static final Logger LOG = LoggerFactory.getLogger(ForgedWebhookHandler.class);

    @Override
    public HttpResponse<Map<String, Object>> handle(HttpRequest request, ForgedWebhookException exception) {
        LOG.warn("Refused webhook {} {}: {}", request.getMethodName(), request.getPath(), exception.getMessage());
        return WebhookProblems.of(request, HttpStatus.FORBIDDEN, "Webhook signature is missing or invalid", "webhook.forged");
    }
}

package dev.parley.adapter.in.twilio;

import com.twilio.security.RequestValidator;
import dev.parley.application.shared.PublicUrl;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature} on every webhook (HMAC-SHA1 of the URL and sorted form
 * parameters with the auth token, through the SDK's {@link RequestValidator}). The URL is the one
 * Twilio called: PUBLIC_URL plus the request's path and query, not the address the request arrived
 * on. Anything unsigned or forged is {@link ForgedWebhookException} (403), checked before any work.
 */
@Singleton
public class TwilioWebhookVerifier {
    public static final String HEADER = "X-Twilio-Signature";
    private final RequestValidator validator;
    private final PublicUrl publicUrl;
    private final boolean configured;

    TwilioWebhookVerifier(@Value("${parley.twilio.auth-token:}") String authToken, PublicUrl publicUrl) {
        this.configured = !authToken.isBlank();
        this.validator = new RequestValidator(configured ? authToken : "unconfigured");
        this.publicUrl = publicUrl;
    }

    /** For form-encoded webhooks (voice, status, recording callbacks). */
    public void verify(HttpRequest<?> request, Map<String, String> formParameters) {
        String signature = request.getHeaders().get(HEADER);
        if (!configured) throw new ForgedWebhookException("Twilio webhooks are refused: TWILIO_AUTH_TOKEN is not set");
        if (signature == null || signature.isBlank()) throw new ForgedWebhookException("Missing " + HEADER);
        if (!validator.validate(signedUrl(request), formParameters, signature))
            throw new ForgedWebhookException("Invalid " + HEADER);
    }

    /** For JSON webhooks, which Twilio signs with a {@code bodySHA256} query parameter. */
    public void verifyJsonBody(HttpRequest<?> request, String rawBody) {
        String signature = request.getHeaders().get(HEADER);
        if (!configured) throw new ForgedWebhookException("Twilio webhooks are refused: TWILIO_AUTH_TOKEN is not set");
        if (signature == null || signature.isBlank()) throw new ForgedWebhookException("Missing " + HEADER);
        try {
            if (!validator.validate(signedUrl(request), rawBody, signature)) throw new ForgedWebhookException("Invalid " + HEADER);
        } catch (java.net.URISyntaxException | RuntimeException e) {
            if (e instanceof ForgedWebhookException forged) throw forged;
            throw new ForgedWebhookException("Invalid " + HEADER);
        }
    }

    /** The URL Twilio signed: PUBLIC_URL + path + query exactly as sent. */
    public String signedUrl(HttpRequest<?> request) {
        String query = request.getUri().getRawQuery();
        return publicUrl.http(request.getUri().getRawPath()) + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}

package dev.parley.adapter.in.twilio;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** The product's error shape (RFC 9457 plus {@code status_code}) for answers this adapter gives itself. */
final class WebhookProblems {
    private WebhookProblems() {
    }

    static HttpResponse<Map<String, Object>> of(HttpRequest<?> request, HttpStatus status, String detail, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReason());
        body.put("status", status.getCode());
        body.put("detail", detail);
        body.put("status_code", status.getCode());
        body.put("code", code);
        body.put("instance", request.getPath());
        return HttpResponse.<Map<String, Object>>status(status).contentType("application/problem+json").body(body);
    }
}

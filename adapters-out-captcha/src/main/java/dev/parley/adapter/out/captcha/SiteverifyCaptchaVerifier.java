package dev.parley.adapter.out.captcha;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.application.tenancy.port.out.CaptchaUnavailableException;
import dev.parley.application.tenancy.port.out.CaptchaVerifier;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@link CaptchaVerifier} over the {@code siteverify} protocol that reCAPTCHA, hCaptcha and Cloudflare
 * Turnstile share: a form POST of {@code secret}, {@code response} and {@code remoteip}, answered with JSON
 * {@code {success, score?, action?, error-codes?}}. Unreachable, a non-2xx answer or unreadable JSON is
 * {@link CaptchaUnavailableException}, so sign-up and sign-in fail closed. Neither secret nor token is logged.
 */
@Singleton
class SiteverifyCaptchaVerifier implements CaptchaVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(SiteverifyCaptchaVerifier.class);
    private final CaptchaProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    SiteverifyCaptchaVerifier(CaptchaProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @Serdeable
    record SiteverifyAnswer(boolean success, @Nullable Double score, @Nullable String action,
                            @Nullable @JsonProperty("error-codes") List<String> errorCodes) {
    }

    @Override
    public CaptchaVerdict verify(String token, String remoteAddress) {
        StringBuilder form = new StringBuilder()
                .append("secret=").append(encode(properties.secretKey()))
                .append("&response=").append(encode(token));
        if (remoteAddress != null && !remoteAddress.isBlank()) form.append("&remoteip=").append(encode(remoteAddress));
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.verifyUrl()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("CAPTCHA provider unreachable: {}", e.getClass().getSimpleName());
            throw new CaptchaUnavailableException("The CAPTCHA provider is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaptchaUnavailableException("Interrupted while verifying the CAPTCHA", e);
        }
        if (response.statusCode() / 100 != 2) {
            LOG.warn("CAPTCHA provider answered HTTP {}", response.statusCode());
            throw new CaptchaUnavailableException("The CAPTCHA provider answered HTTP " + response.statusCode(), null);
        }
        SiteverifyAnswer answer;
        try {
            answer = json.readValue(response.body(), SiteverifyAnswer.class);
        } catch (IOException | RuntimeException e) {
            throw new CaptchaUnavailableException("The CAPTCHA provider answered something unreadable", e);
        }
        if (answer == null) throw new CaptchaUnavailableException("The CAPTCHA provider answered nothing", null);
        if (!answer.success()) LOG.info("CAPTCHA token refused by the provider: {}", answer.errorCodes());
        return new CaptchaVerdict(answer.success(), answer.score() == null ? OptionalDouble.empty() : OptionalDouble.of(answer.score()),
                answer.action(), answer.errorCodes());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}

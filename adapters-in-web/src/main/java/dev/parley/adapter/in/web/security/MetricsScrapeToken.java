package dev.parley.adapter.in.web.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * Lets a Prometheus scraper in with a static bearer token ({@code METRICS_TOKEN}): the request to
 * {@code /prometheus} that presents it is authenticated as {@value #SCRAPER} with the role
 * {@value #ROLE}, which is the only role the endpoint admits (see {@code intercept-url-map}). No token
 * configured: the endpoint admits nobody (401), which is what a deployment without a scraper wants.
 * Tenants' access tokens never open it: metrics describe the whole platform.
 */
@Singleton
final class MetricsScrapeToken implements AuthenticationFetcher<HttpRequest<?>> {
    static final String ROLE = "metrics";
    static final String SCRAPER = "metrics-scraper";
    private static final String PATH = "/prometheus";
    private final byte[] token;

    MetricsScrapeToken(@Value("${parley.metrics-token:}") String token) {
        this.token = token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        if (token == null || !isScrape(request)) return Publishers.empty();
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return Publishers.empty();
        byte[] presented = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(presented, token)) return Publishers.empty();
        return Publishers.just(Authentication.build(SCRAPER, List.of(ROLE), Map.of()));
    }

    static boolean isScrape(HttpRequest<?> request) {
        String path = request.getPath();
        return path.equals(PATH) || path.equals(PATH + "/");
    }

    /** Whether an authentication is this scraper's (it has no tenant and no session). */
    static boolean isScraper(Authentication authentication) {
        return SCRAPER.equals(authentication.getName()) && authentication.getRoles().contains(ROLE);
    }
}

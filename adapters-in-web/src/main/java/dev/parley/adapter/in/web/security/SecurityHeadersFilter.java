package dev.parley.adapter.in.web.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Standard security headers on every answer (seed 004), each configurable ({@link SecurityHeadersProperties}).
 * The API serves JSON only, so its CSP allows nothing by default; the documentation pages get a CSP that lets
 * their own script files and styles run (no inline script:
 * the page's start-up code is a file, {@code docs-ui/parley-docs.js}). API answers are not cached by default (they carry personal data).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter implements Ordered {
    private final SecurityHeadersProperties headers;

    SecurityHeadersFilter(SecurityHeadersProperties headers) {
        this.headers = headers;
    }

    /** Outermost, so it also wraps the answers the security filter ends early (401). */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!headers.enabled()) return;
        String path = request.getPath();
        boolean docs = path.startsWith("/docs") || path.startsWith("/swagger");
        boolean softphone = path.equals("/softphone") || path.startsWith("/softphone/");
        MutableHttpHeaders out = response.getHeaders();
        set(out, "X-Content-Type-Options", headers.xContentTypeOptions());
        set(out, "X-Frame-Options", headers.xFrameOptions());
        set(out, "X-XSS-Protection", headers.xXssProtection());
        set(out, "Referrer-Policy", headers.referrerPolicy());
        set(out, "Permissions-Policy", softphone ? headers.softphonePermissionsPolicy() : headers.permissionsPolicy());
        set(out, "Strict-Transport-Security", headers.strictTransportSecurity());
        set(out, "Content-Security-Policy",
                softphone ? headers.softphoneContentSecurityPolicy() : docs ? headers.docsContentSecurityPolicy() : headers.contentSecurityPolicy());
        if (!docs && !out.contains("Cache-Control")) set(out, "Cache-Control", headers.cacheControl());
    }

    private static void set(MutableHttpHeaders out, String name, String value) {
        if (SecurityHeadersProperties.on(value)) out.set(name, value.strip());
    }
}

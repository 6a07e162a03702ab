package dev.parley.adapter.in.web.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Standard security headers on every answer (seed 004). The API serves JSON only, so its CSP
 * allows nothing; the documentation pages get a CSP that lets their own scripts and styles run.
 * API answers are never cached (they carry personal data).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter implements Ordered {
    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    private static final String DOCS_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";
    /** The softphone page: its own script and worklet, the API and the media-stream socket on this origin, the microphone. */
    private static final String SOFTPHONE_CSP = "default-src 'self'; connect-src 'self' ws: wss:; media-src 'self' blob:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    /** Outermost, so it also wraps the answers the security filter ends early (401). */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        boolean docs = path.startsWith("/docs") || path.startsWith("/swagger");
        boolean softphone = path.equals("/softphone") || path.startsWith("/softphone/");
        var headers = response.getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Permissions-Policy", softphone ? "camera=(), microphone=(self), geolocation=()" : "camera=(), microphone=(), geolocation=()");
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.set("Content-Security-Policy", softphone ? SOFTPHONE_CSP : docs ? DOCS_CSP : API_CSP);
        if (!docs && !headers.contains("Cache-Control")) headers.set("Cache-Control", "no-store");
    }
}

package dev.parley.adapter.in.web.security;

import dev.parley.adapter.in.web.problem.ProblemResponse;
import dev.parley.adapter.in.web.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;

import java.util.Set;

/**
 * Keeps the 1 MB body limit on every route but the audio upload. The server's own limit
 * ({@code micronaut.server.max-request-size}) must let a 25 MB upload through and Micronaut has no
 * per-route setting, so this filter refuses, before any body is read, a declared body over 1 MB
 * (413) and a body of unknown length (chunked, 411) anywhere else.
 */
@ServerFilter(value = "/**", patternStyle = FilterPatternStyle.ANT)
final class RequestBodyLimitFilter {
    static final long MAX_BODY_BYTES = 1024L * 1024;
    static final String UPLOAD_PATH = "/whisper/transcribe";
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @RequestFilter
    @Nullable
    HttpResponse<ProblemResponse> limit(HttpRequest<?> request) {
        if (UPLOAD_PATH.equals(request.getPath())) return null;
        long length = request.getContentLength();
        if (length > MAX_BODY_BYTES)
            return Problems.response(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "Request body too large (at most 1 MB)",
                    "request.too-large");
        if (length < 0 && WITH_BODY.contains(request.getMethod()) && request.getHeaders().contains("Transfer-Encoding"))
            return Problems.response(request, HttpStatus.LENGTH_REQUIRED, "Send the body with a Content-Length", "request.length-required");
        return null;
    }
}

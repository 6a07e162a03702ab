package dev.parley.adapter.in.web.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Seed 004's security headers, each overridable by environment (SECURITY_HEADER_*, see application.yml);
 * the value {@code off} leaves a header out; {@code enabled=false} (SECURITY_HEADERS_ENABLED) leaves them all out.
 * {@code docsContentSecurityPolicy} applies to the API documentation pages, which run their own scripts; the softphone
 * page ({@code /softphone}) gets its own CSP (its socket, its audio) and may ask for the microphone.
 */
@ConfigurationProperties("parley.security-headers")
record SecurityHeadersProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "default-src 'none'; frame-ancestors 'none'") String contentSecurityPolicy,
        @Bindable(defaultValue = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; frame-ancestors 'none'") String docsContentSecurityPolicy,
        @Bindable(defaultValue = "default-src 'self'; connect-src 'self' ws: wss:; media-src 'self' blob:; "
                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'") String softphoneContentSecurityPolicy,
        @Bindable(defaultValue = "nosniff") String xContentTypeOptions,
        @Bindable(defaultValue = "DENY") String xFrameOptions,
        @Bindable(defaultValue = "1; mode=block") String xXssProtection,
        @Bindable(defaultValue = "max-age=31536000; includeSubDomains") String strictTransportSecurity,
        @Bindable(defaultValue = "camera=(), microphone=(), geolocation=()") String permissionsPolicy,
        @Bindable(defaultValue = "camera=(), microphone=(self), geolocation=()") String softphonePermissionsPolicy,
        @Bindable(defaultValue = "no-referrer") String referrerPolicy,
        @Bindable(defaultValue = "no-store") String cacheControl) {

    static boolean on(String value) {
        return value != null && !value.isBlank() && !"off".equalsIgnoreCase(value.strip());
    }
}

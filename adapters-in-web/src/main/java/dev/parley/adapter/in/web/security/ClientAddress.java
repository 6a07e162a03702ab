package dev.parley.adapter.in.web.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;

/**
 * The address a request is counted against. It is the socket's peer unless the operator names the
 * header their proxy sets ({@code MICRONAUT_SERVER_CLIENT_ADDRESS_HEADER}, e.g. {@code X-Forwarded-For}):
 * Micronaut's own resolver otherwise trusts {@code Forwarded} and {@code X-Forwarded-For} from anyone,
 * so every spoofed value got a fresh rate-limit bucket.
 */
@Singleton
public final class ClientAddress {
    private final HttpClientAddressResolver resolver;
    private final boolean proxyHeaderConfigured;

    ClientAddress(HttpClientAddressResolver resolver, @Value("${micronaut.server.client-address-header:}") String header) {
        this.resolver = resolver;
        this.proxyHeaderConfigured = !header.isBlank();
    }

    public String of(HttpRequest<?> request) {
        if (proxyHeaderConfigured) {
            String resolved = resolver.resolve(request);
            if (resolved != null && !resolved.isBlank()) return resolved.strip();
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}

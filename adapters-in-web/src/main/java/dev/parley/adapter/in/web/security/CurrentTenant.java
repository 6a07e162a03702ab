package dev.parley.adapter.in.web.security;

import dev.parley.domain.shared.TenantId;
import io.micronaut.security.authentication.Authentication;

/** The tenant of an authenticated request: always from the verified token's subject, never from a path or body. */
public final class CurrentTenant {
    private CurrentTenant() {
    }

    public static TenantId of(Authentication authentication) {
        return new TenantId(Long.parseLong(authentication.getName()));
    }
}

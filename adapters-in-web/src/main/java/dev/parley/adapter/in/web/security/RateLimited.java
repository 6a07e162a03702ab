package dev.parley.adapter.in.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a route under a named per-client limit ({@link RateLimitProperties}). The limit belongs to the
 * route, not to a path pattern: every request the route serves counts, whatever spelling of the path
 * reached it ({@code /auth/login/} as well as {@code /auth/login}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {
    /** The limit's name: {@code auth} (sign-in, registration, the OAuth2 token endpoint) or {@code refresh}. */
    String value();
}

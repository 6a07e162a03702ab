package dev.parley.adapter.in.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a route under a named limit of seed 004's table ({@link RateLimitProperties}). The limit belongs to the
 * route, not to a path pattern: every request the route serves counts, whatever spelling of the path
 * reached it ({@code /auth/login/} as well as {@code /auth/login}). Counted per signed-in user on
 * authenticated routes and per client address otherwise ({@link #by()}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {
    /**
     * The limit's name: {@code auth} (sign-in, registration, the OAuth2 token endpoint), {@code refresh},
     * {@code schedule-call}, {@code call} (immediate calls), {@code realtime-session}, {@code custom-scenario},
     * {@code transcript} (transcripts from a media URL) or {@code protected}.
     */
    String value();

    /** Whom the budget belongs to. */
    Per by() default Per.USER;

    enum Per {
        /** The signed-in user (the tenant); a request without one counts against its client address. */
        USER,
        /** The client address, even when the request carries a token (sign-in and registration). */
        CLIENT_ADDRESS
    }
}

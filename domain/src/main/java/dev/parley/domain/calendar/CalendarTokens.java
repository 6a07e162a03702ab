package dev.parley.domain.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The OAuth tokens a tenant granted us for their calendar. Secrets: never logged, stored only encrypted.
 *
 * @param accessExpiresAt when the access token stops working
 */
public record CalendarTokens(String accessToken, String refreshToken, Instant accessExpiresAt) {
    /** Refresh this long before the access token's end, so a request never carries a dying token. */
    public static final Duration MARGIN = Duration.ofSeconds(60);

    public CalendarTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
    }

    public boolean accessExpired(Instant now) {
        return !now.plus(MARGIN).isBefore(accessExpiresAt);
    }

    @Override
    public String toString() {
        return "CalendarTokens[expires " + accessExpiresAt + "]";
    }
}

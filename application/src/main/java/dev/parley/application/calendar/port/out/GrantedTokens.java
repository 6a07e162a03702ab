package dev.parley.application.calendar.port.out;

import java.time.Instant;

/**
 * What the authorization server answered.
 *
 * @param refreshToken null when it sent none (a refresh normally sends none)
 * @param scopes       space-separated, as granted
 */
public record GrantedTokens(String accessToken, String refreshToken, Instant expiresAt, String scopes) {
    @Override
    public String toString() {
        return "GrantedTokens[expires " + expiresAt + ", scopes " + scopes + "]";
    }
}

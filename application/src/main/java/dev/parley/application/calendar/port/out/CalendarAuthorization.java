package dev.parley.application.calendar.port.out;

/** The calendar provider's OAuth 2.0 authorization server (web-server flow). */
public interface CalendarAuthorization {
    /** Whether a client id is configured; without it nothing else works. */
    boolean configured();

    /** Where to send the browser: offline access, consent prompt, the calendar scopes, {@code state}. */
    String authorizationUrl(String state);

    /**
     * Exchanges an authorization code.
     *
     * @throws CalendarGrantRefusedException the server refused the code
     * @throws CalendarUnavailableException  the server could not be reached or failed
     */
    GrantedTokens exchange(String code);

    /**
     * A new access token for a refresh token.
     *
     * @throws CalendarGrantRefusedException access was revoked or expired ({@code invalid_grant})
     * @throws CalendarUnavailableException  the server could not be reached or failed
     */
    GrantedTokens refresh(String refreshToken, java.time.Instant now);

    /** Revokes a token at the provider; best effort, never throws. */
    void revoke(String token);
}

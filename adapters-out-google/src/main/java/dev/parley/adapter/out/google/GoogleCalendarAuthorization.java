package dev.parley.adapter.out.google;

import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.auth.oauth2.GoogleAuthorizationCodeRequestUrl;
import com.google.api.client.googleapis.auth.oauth2.GoogleAuthorizationCodeTokenRequest;
import com.google.api.client.googleapis.auth.oauth2.GoogleRefreshTokenRequest;
import com.google.api.client.googleapis.auth.oauth2.GoogleTokenResponse;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.UrlEncodedContent;
import com.google.api.services.calendar.CalendarScopes;
import dev.parley.application.calendar.port.out.CalendarAuthorization;
import dev.parley.application.calendar.port.out.CalendarGrantRefusedException;
import dev.parley.application.calendar.port.out.CalendarUnavailableException;
import dev.parley.application.calendar.port.out.GrantedTokens;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Google's OAuth 2.0 web-server flow through google-api-client: the consent URL, code exchange, refresh and revoke. */
@Singleton
class GoogleCalendarAuthorization implements CalendarAuthorization {
    /** Read and write events, and read calendars (free/busy). */
    static final List<String> SCOPES = List.of(CalendarScopes.CALENDAR_EVENTS, CalendarScopes.CALENDAR_READONLY);
    /** Errors that say the grant itself is gone or was never valid; anything else is our or Google's trouble. */
    private static final Set<String> REFUSALS = Set.of("invalid_grant", "access_denied", "unauthorized_client", "invalid_scope");
    private static final Logger LOG = LoggerFactory.getLogger(GoogleCalendarAuthorization.class);
    private final GoogleProperties properties;
    private final GoogleTransport transport;
    private final Clock clock = Clock.systemUTC();

    GoogleCalendarAuthorization(GoogleProperties properties, GoogleTransport transport) {
        this.properties = properties;
        this.transport = transport;
    }

    @Override
    public boolean configured() {
        return properties.configured();
    }

    @Override
    public String authorizationUrl(String state) {
        return new GoogleAuthorizationCodeRequestUrl(properties.authUrl(), properties.clientId(), properties.redirectUri(), SCOPES)
                .setAccessType("offline")
                .setState(state)
                .set("prompt", "consent")
                .set("include_granted_scopes", "true")
                .build();
    }

    @Override
    public GrantedTokens exchange(String code) {
        try {
            GoogleTokenResponse response = new GoogleAuthorizationCodeTokenRequest(transport.http, transport.json, properties.tokenUrl(),
                    properties.clientId(), properties.clientSecret(), code, properties.redirectUri())
                    .setRequestInitializer(transport.timeouts())
                    .execute();
            return granted(response);
        } catch (TokenResponseException refused) {
            throw tokenFailure("code exchange", refused);
        } catch (IOException down) {
            throw new CalendarUnavailableException("Google's token endpoint could not be reached", down);
        }
    }

    @Override
    public GrantedTokens refresh(String refreshToken, Instant now) {
        try {
            GoogleTokenResponse response = new GoogleRefreshTokenRequest(transport.http, transport.json, refreshToken,
                    properties.clientId(), properties.clientSecret())
                    .setTokenServerUrl(new GenericUrl(properties.tokenUrl()))
                    .setRequestInitializer(transport.timeouts())
                    .execute();
            return granted(response);
        } catch (TokenResponseException refused) {
            throw tokenFailure("token refresh", refused);
        } catch (IOException down) {
            throw new CalendarUnavailableException("Google's token endpoint could not be reached", down);
        }
    }

    private GrantedTokens granted(GoogleTokenResponse response) {
        long seconds = response.getExpiresInSeconds() == null ? 3600 : response.getExpiresInSeconds();
        return new GrantedTokens(response.getAccessToken(), response.getRefreshToken(), clock.instant().plusSeconds(seconds),
                response.getScope() == null ? "" : response.getScope());
    }

    private RuntimeException tokenFailure(String what, TokenResponseException e) {
        String error = e.getDetails() == null ? null : e.getDetails().getError();
        LOG.warn("Google refused the {}: HTTP {} {}", what, e.getStatusCode(), error);
        if (error != null && REFUSALS.contains(error)) return new CalendarGrantRefusedException("Google refused the " + what + ": " + error);
        if (e.getStatusCode() == 401 || "invalid_client".equals(error))
            return new CalendarUnavailableException("Google refused our OAuth client; check GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET", e);
        return new CalendarUnavailableException("Google's token endpoint failed (HTTP " + e.getStatusCode() + ")", e);
    }

    @Override
    public void revoke(String token) {
        try {
            HttpResponse response = transport.http.createRequestFactory(transport.timeouts())
                    .buildPostRequest(new GenericUrl(properties.revokeUrl()), new UrlEncodedContent(Map.of("token", token)))
                    .setThrowExceptionOnExecuteError(false)
                    .execute();
            if (!response.isSuccessStatusCode()) LOG.info("Google answered a token revocation with HTTP {}", response.getStatusCode());
            response.disconnect();
        } catch (IOException | RuntimeException e) {
            LOG.info("Could not revoke a calendar token at Google: {}", e.getClass().getSimpleName());
        }
    }
}

package dev.parley.adapter.out.google;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Google OAuth client and endpoints (GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET, GOOGLE_REDIRECT_URI,
 * GOOGLE_OAUTH_AUTH_URL, GOOGLE_OAUTH_TOKEN_URL, GOOGLE_OAUTH_REVOKE_URL, GOOGLE_API_ROOT_URL). Without a
 * client id the calendar is "not configured".
 */
@ConfigurationProperties("parley.google")
record GoogleProperties(@Bindable(defaultValue = "") String clientId,
                        @Bindable(defaultValue = "") String clientSecret,
                        @Bindable(defaultValue = "http://localhost:5050/google-calendar/callback") String redirectUri,
                        @Bindable(defaultValue = "https://accounts.google.com/o/oauth2/auth") String authUrl,
                        @Bindable(defaultValue = "https://oauth2.googleapis.com/token") String tokenUrl,
                        @Bindable(defaultValue = "https://oauth2.googleapis.com/revoke") String revokeUrl,
                        @Bindable(defaultValue = "https://www.googleapis.com/") String apiRootUrl,
                        @Bindable(defaultValue = "5s") Duration connectTimeout,
                        @Bindable(defaultValue = "15s") Duration readTimeout) {

    boolean configured() {
        return clientId != null && !clientId.isBlank();
    }

    String rootUrl() {
        return apiRootUrl.endsWith("/") ? apiRootUrl : apiRootUrl + "/";
    }

    @Override
    public String toString() {
        return "GoogleProperties[clientId=" + clientId + ", redirectUri=" + redirectUri + ", apiRootUrl=" + apiRootUrl + "]";
    }
}

package dev.parley.adapter.out.google;

import dev.parley.adapter.out.google.testing.GoogleStandIn;
import dev.parley.application.calendar.port.out.CalendarAccessDeniedException;
import dev.parley.application.calendar.port.out.CalendarEvent;
import dev.parley.application.calendar.port.out.CalendarGrantRefusedException;
import dev.parley.application.calendar.port.out.CalendarUnavailableException;
import dev.parley.application.calendar.port.out.GrantedTokens;
import dev.parley.application.calendar.port.out.NewEvent;
import dev.parley.domain.calendar.TimeRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real Google adapters (google-api-client, google-api-services-calendar) against a local stand-in of Google's endpoints. */
class GoogleCalendarAdaptersTest {
    private final GoogleStandIn google = new GoogleStandIn();
    private final GoogleProperties properties = new GoogleProperties(GoogleStandIn.CLIENT_ID, GoogleStandIn.CLIENT_SECRET,
            "http://localhost:5170/google-calendar/callback", google.authUrl(), google.tokenUrl(), google.revokeUrl(), google.baseUrl(),
            Duration.ofSeconds(5), Duration.ofSeconds(10));
    private final GoogleTransport transport = new GoogleTransport(properties);
    private final GoogleCalendarAuthorization authorization = new GoogleCalendarAuthorization(properties, transport);
    private final GoogleExternalCalendar calendar = new GoogleExternalCalendar(properties, transport);
    private final Instant later = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    @AfterEach
    void stop() {
        google.close();
    }

    @Test
    void theConsentUrlAsksForOfflineAccessWithConsentTheCalendarScopesAndTheState() {
        URI url = URI.create(authorization.authorizationUrl("st.ate.1.sig"));
        String query = URLDecoder.decode(url.getRawQuery(), StandardCharsets.UTF_8);
        assertThat(url.toString()).startsWith(google.authUrl() + "?");
        assertThat(query).contains("access_type=offline", "prompt=consent", "response_type=code", "state=st.ate.1.sig",
                "client_id=" + GoogleStandIn.CLIENT_ID, "redirect_uri=http://localhost:5170/google-calendar/callback",
                "https://www.googleapis.com/auth/calendar.events", "https://www.googleapis.com/auth/calendar.readonly");
        assertThat(query).doesNotContain("approval_prompt");
    }

    @Test
    void anAcceptedCodeIsExchangedForTokensOnceAndARefusedOneSaysSo() {
        google.acceptCode("4/good");
        GrantedTokens tokens = authorization.exchange("4/good");
        assertThat(tokens.refreshToken()).startsWith("1//refresh-");
        assertThat(google.isValidAccessToken(tokens.accessToken())).isTrue();
        assertThat(tokens.scopes()).contains("calendar.events");
        assertThat(tokens.expiresAt()).isAfter(Instant.now().plusSeconds(3000));
        var form = google.seen("POST", "/token").getFirst().body();
        assertThat(form).contains("grant_type=authorization_code", "code=4%2Fgood", "client_secret=" + GoogleStandIn.CLIENT_SECRET);

        assertThatThrownBy(() -> authorization.exchange("4/good")).isInstanceOf(CalendarGrantRefusedException.class);
    }

    @Test
    void aBrokenTokenEndpointOrAWrongClientIsABadGatewayNotARefusedGrant() {
        google.acceptCode("4/code");
        google.failTokens(503);
        assertThatThrownBy(() -> authorization.exchange("4/code")).isInstanceOf(CalendarUnavailableException.class);
        google.failTokens(0);
        var wrongClient = new GoogleCalendarAuthorization(new GoogleProperties(GoogleStandIn.CLIENT_ID, "wrong", "http://x/cb",
                google.authUrl(), google.tokenUrl(), google.revokeUrl(), google.baseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(5)),
                transport);
        assertThatThrownBy(() -> wrongClient.exchange("4/code")).isInstanceOf(CalendarUnavailableException.class)
                .hasMessageContaining("GOOGLE_CLIENT_SECRET");
    }

    @Test
    void aRefreshGivesANewAccessTokenUntilTheUserRevokesAccess() {
        String[] issued = google.issueTokens();
        GrantedTokens refreshed = authorization.refresh(issued[1], Instant.now());
        assertThat(refreshed.accessToken()).isNotEqualTo(issued[0]);
        assertThat(google.isValidAccessToken(refreshed.accessToken())).isTrue();
        assertThat(google.seen("POST", "/token").getLast().body()).contains("grant_type=refresh_token");

        google.revokeEverything();
        assertThatThrownBy(() -> authorization.refresh(issued[1], Instant.now())).isInstanceOf(CalendarGrantRefusedException.class);
    }

    @Test
    void revokingSendsTheTokenToTheRevokeEndpoint() {
        String[] issued = google.issueTokens();
        authorization.revoke(issued[1]);
        assertThat(google.revokedTokens()).contains(issued[1]);
    }

    @Test
    void upcomingEventsComeInStartOrderWithTheSeedsFieldsAndABearerHeader() {
        String access = google.issueTokens()[0];
        google.addEvent("Second", later.plus(3, ChronoUnit.HOURS), later.plus(4, ChronoUnit.HOURS));
        google.addEvent("First", later, later.plus(1, ChronoUnit.HOURS));
        google.addEvent("Over", Instant.now().minus(3, ChronoUnit.HOURS), Instant.now().minus(2, ChronoUnit.HOURS));

        List<CalendarEvent> events = calendar.upcoming(access, Instant.now(), 10);

        assertThat(events).extracting(CalendarEvent::summary).containsExactly("First", "Second");
        assertThat(events.getFirst().start()).isEqualTo(later.toString());
        assertThat(events.getFirst().location()).isEqualTo("Main office");
        var request = google.seen("GET", "/calendar/v3/calendars/primary/events").getFirst();
        assertThat(request.authorization()).isEqualTo("Bearer " + access);
        assertThat(request.query()).contains("singleEvents=true", "orderBy=startTime", "maxResults=10", "timeMin=");
    }

    @Test
    void freeBusyIsReadFromAGzippedChunkedQuery() {
        String access = google.issueTokens()[0];
        google.addEvent("Busy", later.plus(1, ChronoUnit.HOURS), later.plus(2, ChronoUnit.HOURS));

        List<TimeRange> busy = calendar.busy(access, new TimeRange(later, later.plus(8, ChronoUnit.HOURS)));

        assertThat(busy).containsExactly(new TimeRange(later.plus(1, ChronoUnit.HOURS), later.plus(2, ChronoUnit.HOURS)));
        var request = google.seen("POST", "/calendar/v3/freeBusy").getFirst();
        assertThat(request.contentEncoding()).isEqualTo("gzip");
        assertThat(request.body()).contains("\"id\":\"primary\"", "\"timeMin\"");
    }

    @Test
    void anInsertedEventLandsInTheCalendarTaggedAsOurs() {
        String access = google.issueTokens()[0];
        String id = calendar.insert(access, new NewEvent("Meeting with Ann", "Booked by phone", TimeRange.of(later, Duration.ofMinutes(30)),
                ZoneId.of("Europe/Berlin"), "parley-7"));

        assertThat(google.events()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.start()).isEqualTo(later);
            assertThat(e.end()).isEqualTo(later.plus(30, ChronoUnit.MINUTES));
            assertThat(e.raw()).contains("\"parleyBooking\":\"parley-7\"", "Europe/Berlin");
        });
        assertThat(google.seen("POST", "/calendar/v3/calendars/primary/events").getFirst().query()).contains("sendUpdates=none");
    }

    @Test
    void aRefusedTokenIsAccessDeniedAndAnOutageIsUnavailable() {
        assertThatThrownBy(() -> calendar.upcoming("ya29.unknown", Instant.now(), 5)).isInstanceOf(CalendarAccessDeniedException.class);
        String access = google.issueTokens()[0];
        google.failCalendar(503);
        assertThatThrownBy(() -> calendar.busy(access, new TimeRange(later, later.plusSeconds(3600))))
                .isInstanceOf(CalendarUnavailableException.class).hasMessageContaining("503");
        google.close();
        assertThatThrownBy(() -> calendar.upcoming(access, Instant.now(), 5)).isInstanceOf(CalendarUnavailableException.class)
                .hasMessageContaining("could not be reached");
    }
}

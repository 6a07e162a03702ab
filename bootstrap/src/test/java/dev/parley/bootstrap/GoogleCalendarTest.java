package dev.parley.bootstrap;

import dev.parley.adapter.out.google.testing.GoogleStandIn;
import dev.parley.adapter.out.openai.testing.FakeRealtimeServer;
import dev.parley.application.calendar.port.in.BookMeetingUseCase;
import dev.parley.application.calendar.port.in.BookMeetingUseCase.BookMeetingCommand;
import dev.parley.application.calendar.port.in.BookMeetingUseCase.BookingOutcome;
import dev.parley.application.calendar.port.out.ConnectionStates;
import dev.parley.application.schedule.port.in.CallingWindowUseCase;
import dev.parley.application.shared.Json;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.schedule.CallingWindow;
import dev.parley.domain.shared.PhoneNumber;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.parley.adapter.out.openai.testing.Eventually.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Google Calendar end to end (issue 17), on H2 and PostgreSQL: the real routes, use cases, encrypted store and
 * adapters-out-google against a local stand-in of Google's token endpoint and Calendar v3; calendar calls
 * bridged through the Realtime stand-in whose model calls the three tools; the double-booking race.
 */
@MicronautTest(transactional = false)
class GoogleCalendarTest extends TelephonyTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String FRONTEND = "http://app.example.com";
    private final GoogleStandIn google = new GoogleStandIn();

    @Inject
    DataSource rawDataSource;
    @Inject
    DataSourceResolver resolver;
    @Inject
    CallingWindowUseCase windows;
    @Inject
    ConnectionStates states;
    @Inject
    Transactions transactions;
    @Inject
    BookMeetingUseCase booking;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.remove("parley.test.telephony-stand-ins");
        p.put("parley.twilio.phone-number", TelephonyStandIns.SYSTEM_NUMBER.e164());
        p.put("parley.frontend-url", FRONTEND);
        p.put("parley.google.client-id", GoogleStandIn.CLIENT_ID);
        p.put("parley.google.client-secret", GoogleStandIn.CLIENT_SECRET);
        p.put("parley.google.redirect-uri", "http://localhost:5170/google-calendar/callback");
        p.put("parley.google.auth-url", google.authUrl());
        p.put("parley.google.token-url", google.tokenUrl());
        p.put("parley.google.revoke-url", google.revokeUrl());
        p.put("parley.google.api-root-url", google.baseUrl());
        return p;
    }

    @AfterAll
    void stopGoogle() {
        google.close();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Map<String, String> query(String url) {
        Map<String, String> out = new HashMap<>();
        String q = URI.create(url).getRawQuery();
        if (q != null) for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private String stateFor(Tenant tenant) {
        HttpJson.Reply auth = http.get("/google-calendar/auth", tenant.accessToken());
        assertThat(auth.status()).as(auth.body()).isEqualTo(200);
        return query((String) auth.map().get("authorization_url")).get("state");
    }

    private HttpJson.Reply callback(String query) {
        return http.get("/google-calendar/callback?" + query, null);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Connects the tenant's calendar through the whole OAuth round trip; every day, all day (Etc/UTC) is working time. */
    private String connect(Tenant tenant) {
        String code = "4/" + UUID.randomUUID();
        google.acceptCode(code);
        HttpJson.Reply back = callback("code=" + enc(code) + "&state=" + enc(stateFor(tenant)) + "&scope=" + enc(GoogleStandIn.SCOPES));
        assertThat(back.status()).isEqualTo(302);
        assertThat(back.header("Location")).isEqualTo(FRONTEND + "/scheduled-meetings?success=true&connected=calendar");
        windows.set(tenant.id(), CallingWindow.parse("Etc/UTC", "00:00", "24:00", null));
        return code;
    }

    private Map<String, Object> status(Tenant tenant) {
        return http.get("/google-calendar/status", tenant.accessToken()).map();
    }

    private static void assertFailedRedirect(HttpJson.Reply reply) {
        assertThat(reply.status()).isEqualTo(302);
        String location = reply.header("Location");
        assertThat(location).startsWith(FRONTEND + "/scheduled-meetings?error=calendar_connection_failed&message=");
        assertThat(query(location).get("message")).isNotBlank();
    }

    private String column(Tenant tenant, String name) throws Exception {
        try (Connection c = resolver.resolve(rawDataSource).getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + name + " FROM calendar_connections WHERE tenant_id = ?")) {
            s.setLong(1, tenant.id().value());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Two days ahead at hh:00 UTC: always in the future, always working time for a connected tenant. */
    private static Instant dayAfterTomorrow(int hour) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(2).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    // ---- connection -------------------------------------------------------------------------------------------

    @Test
    void theOAuthRoundTripStoresEncryptedTokensAndCompletesTheOnboardingStep() throws Exception {
        Tenant ann = newTenant();
        assertThat(status(ann)).containsEntry("connected", false).containsEntry("connected_at", null);
        HttpJson.Reply auth = http.get("/google-calendar/auth", ann.accessToken());
        Map<String, String> q = query((String) auth.map().get("authorization_url"));
        assertThat((String) auth.map().get("authorization_url")).startsWith(google.authUrl());
        assertThat(q).containsEntry("access_type", "offline").containsEntry("prompt", "consent").containsEntry("response_type", "code")
                .containsEntry("client_id", GoogleStandIn.CLIENT_ID).containsEntry("redirect_uri", "http://localhost:5170/google-calendar/callback");
        assertThat(q.get("scope")).contains("https://www.googleapis.com/auth/calendar.events");
        assertThat(q.get("state")).contains(".");

        connect(ann);

        Map<String, Object> st = status(ann);
        assertThat(st).containsEntry("connected", true).containsEntry("status", "connected");
        assertThat(st.get("scopes").toString()).contains("https://www.googleapis.com/auth/calendar.events");
        assertThat(st.get("connected_at")).isNotNull();
        String access = column(ann, "access_token_enc");
        String refresh = column(ann, "refresh_token_enc");
        assertThat(access).startsWith("v1:").doesNotContain("ya29").doesNotContain("access-");
        assertThat(refresh).startsWith("v1:").doesNotContain("1//").doesNotContain("refresh-");
        assertThat(http.get("/onboarding/check-step/calendar_connected", ann.accessToken()).map()).containsEntry("completed", true);
        assertThat(status(newTenant())).as("another tenant").containsEntry("connected", false);
    }

    @Test
    void everyFailedRoundTripRedirectsWithAnErrorAndStoresNothing() throws Exception {
        Tenant ann = newTenant();
        google.acceptCode("4/declined-not-used");
        // the user declined at Google
        assertFailedRedirect(callback("error=access_denied&state=" + enc(stateFor(ann))));
        // a forged state (signature altered), and one of ours without a signature
        String state = stateFor(ann);
        google.acceptCode("4/forged");
        assertFailedRedirect(callback("code=4%2Fforged&state=" + enc(state.substring(0, state.lastIndexOf('.') + 1) + "AAAA")));
        assertFailedRedirect(callback("code=4%2Fforged&state=" + enc(state.substring(0, state.lastIndexOf('.')))));
        assertFailedRedirect(callback("code=4%2Fforged"));
        // an expired state
        String expired = transactions.inTransaction(() -> states.issue(ann.id(), Instant.now().minusSeconds(1)));
        assertFailedRedirect(callback("code=4%2Fforged&state=" + enc(expired)));
        // Google refuses the code
        assertFailedRedirect(callback("code=4%2Funknown&state=" + enc(stateFor(ann))));
        // Google's token endpoint is down
        google.acceptCode("4/later");
        google.failTokens(503);
        try {
            assertFailedRedirect(callback("code=4%2Flater&state=" + enc(stateFor(ann))));
        } finally {
            google.failTokens(0);
        }
        assertThat(status(ann)).containsEntry("connected", false).containsEntry("status", "not_connected");
        assertThat(column(ann, "access_token_enc")).isNull();

        // a state works once: the replay of a successful one fails and changes nothing
        String good = stateFor(ann);
        google.acceptCode("4/good");
        assertThat(callback("code=4%2Fgood&state=" + enc(good)).header("Location")).contains("success=true");
        String stored = column(ann, "access_token_enc");
        google.acceptCode("4/again");
        assertFailedRedirect(callback("code=4%2Fagain&state=" + enc(good)));
        assertThat(column(ann, "access_token_enc")).isEqualTo(stored);
    }

    @Test
    void routesWithoutAConnectionAnswer409AndBadInputA422() {
        Tenant ann = newTenant();
        for (HttpJson.Reply r : List.of(http.get("/google-calendar/events", ann.accessToken()),
                http.postJson("/google-calendar/find-slots", "{\"duration_minutes\":30}", ann.accessToken()),
                http.postJson("/google-calendar/check-availability", "{\"start\":\"2030-01-01T10:00:00Z\",\"end\":\"2030-01-01T11:00:00Z\"}",
                        ann.accessToken()),
                http.get("/make-calendar-call-scenario/%2B14155550100", ann.accessToken()))) {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.map()).containsEntry("detail", "Google Calendar is not connected").containsEntry("status_code", 409);
        }
        assertThat(http.get("/google-calendar/events", null).status()).isEqualTo(401);
        connect(ann);
        assertThat(http.get("/google-calendar/events?max_results=abc", ann.accessToken()).status()).isEqualTo(422);
        assertThat(http.get("/google-calendar/events?max_results=0", ann.accessToken()).status()).isEqualTo(422);
        assertThat(http.postJson("/google-calendar/find-slots", "{\"duration_minutes\":2}", ann.accessToken()).status()).isEqualTo(422);
        assertThat(http.postJson("/google-calendar/check-availability", "{\"start\":\"2030-01-01T10:00:00Z\",\"end\":\"2030-01-01T09:00:00Z\"}",
                ann.accessToken()).status()).isEqualTo(422);
        assertThat(http.postJson("/google-calendar/check-availability", "{\"start\":\"tomorrow\"}", ann.accessToken()).status()).isEqualTo(422);
        assertThat(http.postJson("/google-calendar/check-availability", "{\"start\":", ann.accessToken()).status()).isEqualTo(400);
        assertThat(http.get("/make-calendar-call-scenario/not-a-number", ann.accessToken()).status()).isEqualTo(422);
    }

    @Test
    void eventsAvailabilityAndSlotsComeFromTheCalendar() {
        Tenant ann = newTenant();
        String account = connect(ann);
        Instant ten = dayAfterTomorrow(10);
        google.addEvent(account, "Dentist " + ann.id(), ten, ten.plus(1, ChronoUnit.HOURS));
        google.addEvent(account, "Lunch " + ann.id(), ten.plus(2, ChronoUnit.HOURS), ten.plus(3, ChronoUnit.HOURS));
        google.addEvent("someone else", "Not mine", ten.plus(1, ChronoUnit.HOURS), ten.plus(2, ChronoUnit.HOURS));

        HttpJson.Reply events = http.get("/google-calendar/events?max_results=250", ann.accessToken());
        assertThat(events.status()).as(events.body()).isEqualTo(200);
        List<Map<String, Object>> mine = events.list().stream().filter(e -> String.valueOf(e.get("summary")).endsWith(" " + ann.id())).toList();
        assertThat(mine).extracting(e -> e.get("summary")).containsExactly("Dentist " + ann.id(), "Lunch " + ann.id());
        assertThat(mine.getFirst()).containsKeys("id", "start", "end", "location", "description").containsEntry("start", ten.toString());

        HttpJson.Reply busy = http.postJson("/google-calendar/check-availability", "{\"start\":\"" + ten.plus(30, ChronoUnit.MINUTES)
                + "\",\"end\":\"" + ten.plus(90, ChronoUnit.MINUTES) + "\"}", ann.accessToken());
        assertThat(busy.map()).containsEntry("available", false);
        assertThat(busy.map().get("busy").toString()).contains(ten.toString());
        HttpJson.Reply free = http.postJson("/google-calendar/check-availability", "{\"start\":\"" + ten.plus(1, ChronoUnit.HOURS)
                + "\",\"end\":\"" + ten.plus(2, ChronoUnit.HOURS) + "\"}", ann.accessToken());
        assertThat(free.map()).containsEntry("available", true);

        HttpJson.Reply slots = http.postJson("/google-calendar/find-slots", "{\"duration_minutes\":60,\"start\":\"" + ten + "\",\"end\":\""
                + ten.plus(6, ChronoUnit.HOURS) + "\",\"max_results\":3}", ann.accessToken());
        assertThat(slots.status()).as(slots.body()).isEqualTo(200);
        assertThat(slots.map().get("slots").toString()).isEqualTo("[{start=" + ten.plus(1, ChronoUnit.HOURS) + ", end="
                + ten.plus(2, ChronoUnit.HOURS) + "}, {start=" + ten.plus(3, ChronoUnit.HOURS) + ", end=" + ten.plus(4, ChronoUnit.HOURS)
                + "}, {start=" + ten.plus(4, ChronoUnit.HOURS) + ", end=" + ten.plus(5, ChronoUnit.HOURS) + "}]");
        HttpJson.Reply defaults = http.postJson("/google-calendar/find-slots", "{\"duration_minutes\":30}", ann.accessToken());
        assertThat((List<?>) defaults.map().get("slots")).hasSize(5);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheNewOneStored() throws Exception {
        Tenant ann = newTenant();
        google.accessTokensLast(30);    // inside the 60 s margin: expired at once
        try {
            connect(ann);
        } finally {
            google.accessTokensLast(3599);
        }
        String before = column(ann, "access_token_enc");
        int refreshes = refreshCount();
        assertThat(http.get("/google-calendar/events", ann.accessToken()).status()).isEqualTo(200);
        assertThat(refreshCount()).isEqualTo(refreshes + 1);
        assertThat(column(ann, "access_token_enc")).isNotEqualTo(before);
        assertThat(http.get("/google-calendar/events", ann.accessToken()).status()).isEqualTo(200);
        assertThat(refreshCount()).as("the stored token is used until it expires").isEqualTo(refreshes + 1);
    }

    private int refreshCount() {
        return (int) google.seen("POST", "/token").stream().filter(s -> s.body().contains("grant_type=refresh_token")).count();
    }

    @Test
    void accessRevokedAtGoogleTurnsIntoNeedsReconnectAnsweredWith409() {
        Tenant ann = newTenant();
        connect(ann);
        google.revokeEverything();
        HttpJson.Reply events = http.get("/google-calendar/events", ann.accessToken());
        assertThat(events.status()).as(events.body()).isEqualTo(409);
        assertThat((String) events.map().get("detail")).contains("connect Google Calendar again");
        assertThat(status(ann)).containsEntry("connected", false).containsEntry("status", "needs_reconnect");
        int calls = google.seen().size();
        assertThat(http.postJson("/google-calendar/find-slots", "{\"duration_minutes\":30}", ann.accessToken()).status()).isEqualTo(409);
        assertThat(google.seen()).as("Google is not asked again").hasSize(calls);
        connect(ann);
        assertThat(status(ann)).containsEntry("status", "connected");
    }

    @Test
    void googleFailingIsABadGatewayWithAClearMessage() {
        Tenant ann = newTenant();
        connect(ann);
        google.failCalendar(503);
        try {
            HttpJson.Reply events = http.get("/google-calendar/events", ann.accessToken());
            assertThat(events.status()).isEqualTo(502);
            assertThat((String) events.map().get("detail")).contains("Google Calendar").contains("503");
        } finally {
            google.failCalendar(0);
        }
    }

    @Test
    void disconnectingRevokesAtGoogleAndForgetsTheTokens() throws Exception {
        Tenant ann = newTenant();
        connect(ann);
        int revoked = google.revokedTokens().size();
        HttpJson.Reply gone = http.delete("/google-calendar/connection", ann.accessToken());
        assertThat(gone.status()).isEqualTo(200);
        assertThat(google.revokedTokens()).hasSize(revoked + 1);
        assertThat(status(ann)).containsEntry("connected", false);
        assertThat(column(ann, "refresh_token_enc")).isNull();
        assertThat(http.get("/google-calendar/events", ann.accessToken()).status()).isEqualTo(409);
    }

    // ---- calls that book ----------------------------------------------------------------------------------------

    private record CalendarCall(long callId, String sid, FakeTwilioCaller caller, FakeRealtimeServer.Connection model) {
    }

    private CalendarCall calendarCall(Tenant tenant) {
        HttpJson.Reply placed = http.get("/make-calendar-call-scenario/%2B14155550100", tenant.accessToken());
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        assertThat(placed.map()).containsEntry("status", "success").containsEntry("message", "Calendar call initiated")
                .containsEntry("phone_number", "+14155550100");
        String sid = (String) placed.map().get("call_sid");
        long callId = ((Number) placed.map().get("call_id")).longValue();
        return bridge(callId, sid);
    }

    private synchronized CalendarCall bridge(long callId, String sid) {
        HttpJson.Reply twiml = twilioPost("/outbound-call/" + callId, voiceForm(sid, TelephonyStandIns.SYSTEM_NUMBER,
                new PhoneNumber("+14155550100"), "in-progress"));
        Ticket ticket = ticket(sid, twiml.body());
        int before = openai.connections().size();
        FakeTwilioCaller caller = caller().start(sid, Long.toString(ticket.callId()), ticket.token());
        until(WAIT, () -> openai.connections().size() > before, "the model connection");
        FakeRealtimeServer.Connection model = openai.connections().get(before);
        assertThat(model.awaitMessage("session.update", WAIT)).isNotNull();
        return new CalendarCall(callId, sid, caller, model);
    }

    private static String toolCall(String callId, String name, String argumentsJson) {
        return "{\"type\":\"response.function_call_arguments.done\",\"event_id\":\"e\",\"response_id\":\"resp_" + callId + "\",\"item_id\":\"item_"
                + callId + "\",\"output_index\":0,\"call_id\":\"" + callId + "\",\"name\":\"" + name + "\",\"arguments\":" + Json.quote(argumentsJson) + "}";
    }

    private static String responseDone(String callId) {
        return "{\"type\":\"response.done\",\"event_id\":\"e\",\"response\":{\"id\":\"resp_" + callId + "\",\"status\":\"completed\"}}";
    }

    /** The function_call_output the model got for {@code callId}, parsed. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> output(FakeRealtimeServer.Connection model, String callId) throws Exception {
        String[] found = new String[1];
        until(WAIT, () -> {
            found[0] = model.received("conversation.item.create").stream().filter(m -> m.contains("\"" + callId + "\"")).findFirst().orElse(null);
            return found[0] != null;
        }, "the output of " + callId);
        Map<String, Object> item = (Map<String, Object>) json.readValue(found[0], Map.class).get("item");
        assertThat(item).containsEntry("type", "function_call_output");
        return json.readValue((String) item.get("output"), Map.class);
    }

    private Map<String, Object> resultOf(Map<String, Object> output) throws Exception {
        assertThat(output).as(output.toString()).containsEntry("ok", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = json.readValue((String) output.get("result"), Map.class);
        return parsed;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCalendarCallKnowsTheFreeSlotsAndBooksAMeetingThroughTheThreeTools() throws Exception {
        Tenant ann = newTenant();
        String account = connect(ann);
        Instant ten = dayAfterTomorrow(10);
        google.addEvent(account, "Busy " + ann.id(), ten, ten.plus(1, ChronoUnit.HOURS));
        CalendarCall call = calendarCall(ann);
        String update = call.model().received("session.update").getFirst();
        assertThat(update).contains("\"check_availability\"", "\"find_slots\"", "\"book_meeting\"", "\"end_call\"")
                .contains("Next free 30-minute slots").contains("Time zone: Etc/UTC");
        assertThat(call.model().awaitMessage("response.create", WAIT)).as("the greeting").isNotNull();

        call.model().send(toolCall("c1", "check_availability", "{\"start\":\"" + ten.plus(30, ChronoUnit.MINUTES) + "\",\"end\":\""
                + ten.plus(90, ChronoUnit.MINUTES) + "\"}"));
        call.model().send(responseDone("c1"));
        Map<String, Object> availability = resultOf(output(call.model(), "c1"));
        assertThat(availability).containsEntry("available", false);

        call.model().send(toolCall("c2", "find_slots", "{\"duration_minutes\":30,\"start\":\"" + ten + "\",\"max_results\":2}"));
        call.model().send(responseDone("c2"));
        Map<String, Object> slots = resultOf(output(call.model(), "c2"));
        assertThat(slots.get("slots").toString()).startsWith("[{start=" + ten.plus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC));

        call.model().send(toolCall("c3", "book_meeting", "{\"start\":\"" + ten.plus(1, ChronoUnit.HOURS) + "\",\"duration_minutes\":30,"
                + "\"attendee_name\":\"Ann \\\"Annie\\\" Lee\",\"notes\":\"Wants a demo\"}"));
        call.model().send(responseDone("c3"));
        Map<String, Object> booked = resultOf(output(call.model(), "c3"));
        assertThat(booked).containsEntry("booked", true);
        String eventId = (String) booked.get("event_id");
        assertThat(google.events(account)).filteredOn(e -> e.id().equals(eventId)).singleElement().satisfies(e -> {
            assertThat(e.start()).isEqualTo(ten.plus(1, ChronoUnit.HOURS));
            assertThat(e.summary()).isEqualTo("Meeting with Ann \"Annie\" Lee");
            assertThat(e.description()).contains("call " + call.callId()).contains("Wants a demo");
        });
        until(WAIT, () -> call.model().received("response.create").size() >= 4, "the model asked to speak after each tool");

        Map<String, Object> details = http.get("/api/calls/" + call.callId(), ann.accessToken()).map();
        assertThat((Map<String, Object>) details.get("booking")).containsEntry("event_id", eventId)
                .containsEntry("start", ten.plus(1, ChronoUnit.HOURS).toString()).containsEntry("end", ten.plus(90, ChronoUnit.MINUTES).toString());

        // Google failing mid-call: the model gets a result it can apologise for, and the call goes on
        google.failCalendar(503);
        try {
            call.model().send(toolCall("c4", "book_meeting", "{\"start\":\"" + ten.plus(3, ChronoUnit.HOURS) + "\",\"duration_minutes\":30,"
                    + "\"attendee_name\":\"Ann\"}"));
            call.model().send(responseDone("c4"));
            Map<String, Object> failed = output(call.model(), "c4");
            assertThat(failed).containsEntry("ok", false);
            assertThat((String) failed.get("error")).contains("could not be reached");
        } finally {
            google.failCalendar(0);
        }
        call.caller().media(java.util.Base64.getEncoder().encodeToString(new byte[160]), 20);
        assertThat(call.model().awaitMessage("input_audio_buffer.append", WAIT)).isNotNull();
        call.caller().stop(call.sid());
        until(WAIT, () -> !call.model().isOpen(), "the model socket to close");
    }

    @Test
    void otherScenariosDoNotGetTheCalendarTools() {
        Tenant ann = newTenant();
        connect(ann);
        HttpJson.Reply placed = http.get("/make-call/%2B14155550100/sales", ann.accessToken());
        CalendarCall call = bridge(((Number) placed.map().get("call_id")).longValue(), (String) placed.map().get("call_sid"));
        assertThat(call.model().received("session.update").getFirst()).contains("\"end_call\"").doesNotContain("book_meeting")
                .doesNotContain("find_slots");
        call.caller().stop(call.sid());
        assertThat(http.get("/api/calls/" + call.callId(), ann.accessToken()).map()).containsEntry("booking", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCustomScenarioSwitchedOnWithCalendarToolsGetsThemAndBooksAndSwitchedOffDoesNot() throws Exception {
        Tenant ann = newTenant();
        String account = connect(ann);
        HttpJson.Reply created = http.postJson("/custom-scenarios", "{\"persona\":\"You are Robin.\",\"prompt\":\"Arrange a demo.\","
                + "\"calendar_tools\":true}", ann.accessToken());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String scenario = (String) created.map().get("scenario_id");
        assertThat(http.get("/custom-scenarios/" + scenario, ann.accessToken()).map()).containsEntry("calendar_tools", true);

        CalendarCall on = customCall(ann, scenario);
        String update = on.model().received("session.update").getFirst();
        assertThat(update).contains("\"check_availability\"", "\"find_slots\"", "\"book_meeting\"", "\"end_call\"")
                .contains("Arrange a demo.").contains("Time zone: Etc/UTC");
        Instant eleven = dayAfterTomorrow(11);
        on.model().send(toolCall("k1", "book_meeting", "{\"start\":\"" + eleven + "\",\"duration_minutes\":30,\"attendee_name\":\"Kim\"}"));
        on.model().send(responseDone("k1"));
        Map<String, Object> booked = resultOf(output(on.model(), "k1"));
        assertThat(booked).containsEntry("booked", true);
        assertThat(google.events(account)).anySatisfy(e -> assertThat(e.id()).isEqualTo(booked.get("event_id")));
        on.caller().stop(on.sid());

        // switched off (PUT rewrites the scenario; an absent switch is off): the next call does without them
        HttpJson.Reply off = http.putJson("/custom-scenarios/" + scenario, "{\"persona\":\"You are Robin.\",\"prompt\":\"Arrange a demo.\"}",
                ann.accessToken());
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.map()).containsEntry("calendar_tools", false);
        CalendarCall without = customCall(ann, scenario);
        assertThat(without.model().received("session.update").getFirst()).contains("\"end_call\"").contains("Arrange a demo.")
                .doesNotContain("check_availability").doesNotContain("find_slots").doesNotContain("book_meeting")
                .doesNotContain("Time zone:");
        without.model().send(toolCall("k2", "book_meeting", "{\"start\":\"" + eleven.plus(2, ChronoUnit.HOURS)
                + "\",\"duration_minutes\":30,\"attendee_name\":\"Kim\"}"));
        without.model().send(responseDone("k2"));
        assertThat(output(without.model(), "k2")).containsEntry("ok", false);
        without.caller().stop(without.sid());

        assertThat((List<Map<String, Object>>) (List<?>) http.get("/custom-scenarios", ann.accessToken()).list())
                .singleElement().satisfies(s -> assertThat(s).containsEntry("calendar_tools", false));
    }

    private CalendarCall customCall(Tenant tenant, String scenario) {
        HttpJson.Reply placed = http.get("/make-custom-call/%2B14155550100/" + scenario, tenant.accessToken());
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        return bridge(((Number) placed.map().get("call_id")).longValue(), (String) placed.map().get("call_sid"));
    }

    @Test
    void twoCallsBookingTheSameSlotAtOnceGetOneMeetingAndOneSlotJustTaken() throws Exception {
        Tenant ann = newTenant();
        String account = connect(ann);
        Instant slot = dayAfterTomorrow(14);
        CalendarCall first = calendarCall(ann);
        CalendarCall second = calendarCall(ann);
        String args = "{\"start\":\"" + slot + "\",\"duration_minutes\":30,\"attendee_name\":\"Caller\"}";
        first.model().send(toolCall("r1", "book_meeting", args));
        second.model().send(toolCall("r2", "book_meeting", args));
        // both models finish their turn at once: each call's tool runs when its response is done
        first.model().send(responseDone("r1"));
        second.model().send(responseDone("r2"));
        List<Map<String, Object>> results = List.of(resultOf(output(first.model(), "r1")), resultOf(output(second.model(), "r2")));
        assertThat(results).filteredOn(r -> Boolean.TRUE.equals(r.get("booked"))).hasSize(1);
        Map<String, Object> loser = results.stream().filter(r -> Boolean.FALSE.equals(r.get("booked"))).findFirst().orElseThrow();
        assertThat(loser).containsEntry("reason", "taken");
        assertThat((String) loser.get("message")).contains("just taken");
        assertThat((List<?>) loser.get("alternatives")).isNotEmpty().noneMatch(a -> a.toString().contains("start=" + slot.atOffset(ZoneOffset.UTC)));
        assertThat(google.events(account)).filteredOn(e -> e.start().equals(slot)).hasSize(1);
        first.caller().stop(first.sid());
        second.caller().stop(second.sid());
    }

    @Test
    void manyConcurrentBookingsOfOverlappingTimesNeverDoubleBook() throws Exception {
        Tenant ann = newTenant();
        String account = connect(ann);
        Instant nine = dayAfterTomorrow(9);
        // eight bookers: the same 09:00 slot, and 09:15 / 09:20 which overlap it
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < 8; i++) starts.add(nine.plus(i % 3 == 0 ? 0 : i % 3 == 1 ? 15 : 20, ChronoUnit.MINUTES));
        ExecutorService pool = Executors.newFixedThreadPool(starts.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<BookingOutcome>> futures = new ArrayList<>();
            for (Instant start : starts)
                futures.add(pool.submit(() -> {
                    go.await();
                    return booking.book(new BookMeetingCommand(ann.id(), null, start, Duration.ofMinutes(30), "Racer", null));
                }));
            go.countDown();
            List<BookingOutcome> outcomes = new ArrayList<>();
            for (Future<BookingOutcome> f : futures) outcomes.add(f.get(60, TimeUnit.SECONDS));
            assertThat(outcomes).filteredOn(o -> o instanceof BookingOutcome.Booked).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof BookingOutcome.Unavailable u && u.reason().equals("taken")).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
        List<GoogleStandIn.StoredEvent> mine = google.events(account).stream()
                .filter(e -> e.start().isBefore(nine.plus(1, ChronoUnit.HOURS)) && e.end().isAfter(nine)).toList();
        assertThat(mine).hasSize(1);

        // a booking whose Google insert fails releases its slot
        Instant eleven = dayAfterTomorrow(11);
        google.failCalendar(500);
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> booking.book(new BookMeetingCommand(ann.id(), null, eleven,
                    Duration.ofMinutes(30), "Racer", null))).isNotNull();
        } finally {
            google.failCalendar(0);
        }
        assertThat(booking.book(new BookMeetingCommand(ann.id(), null, eleven, Duration.ofMinutes(30), "Racer", null)))
                .isInstanceOf(BookingOutcome.Booked.class);
    }
}

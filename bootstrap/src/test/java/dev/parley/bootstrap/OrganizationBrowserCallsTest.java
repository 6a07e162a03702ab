package dev.parley.bootstrap;

import dev.parley.adapter.out.openai.testing.OpenAiRealtimeCallsStub;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 003's browser side end to end, on H2 and PostgreSQL: an organization's realtime session against the OpenAI
 * stand-in (briefed as its phone calls are; the server's key never leaves the server), and the call API for calls the
 * client runs itself (start, end with transcript and intake, ending again, tenant isolation, every refusal).
 */
@MicronautTest(transactional = false)
class OrganizationBrowserCallsTest extends BrowserRealtimeTestSupport {
    private static final String CONFIG = """
            {"business":{"name":"Maple Clinic %s","description":"A family practice.","time_zone":"America/New_York"},
             "safety":{"assistant_is_not":["a medical professional"],"never_do":["Recommend medication"]},
             "escalation":{"emergency_keywords":["chest pain"],"high_priority_keywords":["fever"]},
             "intake":{"fields":[{"name":"full_name","type":"string","required":true,"description":"Full name"},
                                 {"name":"date_of_birth","type":"date","required":true},
                                 {"name":"visit","type":"choice","allowed_values":["check-up","vaccination"]}]},
             "voice":"sage","language":"en"}""";

    @BeforeEach
    void resetStandIns() {
        openAi.failWith(0);
        openAi.secretsLiving(600);
    }

    private String newUser() {
        return newUser("org-rt-");
    }

    private long newOrg(String token, String marker) {
        HttpJson.Reply created = http.postJson("/api/orgs", "{\"name\":\"Maple " + marker + "\"}", token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long org = ((Number) created.map().get("org_id")).longValue();
        HttpJson.Reply configured = http.postJson("/api/org/config/" + org, CONFIG.formatted(marker), token);
        assertThat(configured.status()).as(configured.body()).isEqualTo(200);
        return org;
    }

    private long startCall(String token, long org) {
        HttpJson.Reply started = http.postJson("/api/call/start", "{\"org_id\":" + org + ",\"channel\":\"browser\"}", token);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return ((Number) started.map().get("call_id")).longValue();
    }

    private Map<String, Object> details(String token, long call) {
        HttpJson.Reply reply = http.get("/api/calls/" + call, token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.map();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(Map<String, Object> details) {
        return (Map<String, Object>) details.get("call");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> messages(Map<String, Object> details) {
        return (List<Map<String, Object>>) details.get("messages");
    }

    private String quote(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- POST /api/realtime/session {org_id}

    @Test
    @SuppressWarnings("unchecked")
    void anOrganizationsSessionIsBriefedAsItsPhoneCallsAreAndItsBrowserCallRunsForTheOrganization() throws Exception {
        String ann = newUser();
        String marker = "S" + UUID.randomUUID();
        long org = newOrg(ann, marker);
        openAi.clear();

        HttpJson.Reply started = http.postJson("/api/realtime/session", "{\"org_id\":" + org + "}", ann);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.body()).doesNotContain(KEY);
        Map<String, Object> body = started.map();
        assertThat(body).containsOnlyKeys("session_id", "client_secret", "model", "voice", "call_id");
        assertThat((String) body.get("session_id")).startsWith("bs_");
        assertThat((Map<String, Object>) body.get("client_secret")).containsOnlyKeys("value", "expires_at")
                .hasEntrySatisfying("value", v -> assertThat((String) v).startsWith("ek_test_"));
        assertThat(body).containsEntry("model", "gpt-realtime").containsEntry("voice", "sage");

        OpenAiRealtimeCallsStub.Recorded minted = openAi.requests().getLast();
        assertThat(minted.path()).isEqualTo("/v1/realtime/client_secrets");
        assertThat(minted.authorization()).isEqualTo("Bearer " + KEY);
        Map<String, Object> session = (Map<String, Object>) json.readValue(minted.body(), Map.class).get("session");
        assertThat((String) session.get("instructions")).contains("Maple Clinic " + marker).contains("You are NOT a medical professional")
                .contains("Never recommend medication");
        Map<String, Object> audio = (Map<String, Object>) session.get("audio");
        assertThat((Map<String, Object>) ((Map<String, Object>) audio.get("output"))).containsEntry("voice", "sage");
        assertThat((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) audio.get("input")).get("transcription")))
                .containsEntry("language", "en").containsKey("model");
        List<Map<String, Object>> tools = (List<Map<String, Object>>) session.get("tools");
        assertThat(tools).extracting(t -> t.get("name")).containsExactly("end_call", "escalate_to_human", "complete_intake");
        Map<String, Object> intake = tools.stream().filter(t -> t.get("name").equals("complete_intake")).findFirst().orElseThrow();
        assertThat(intake).containsEntry("type", "function");
        Map<String, Object> parameters = (Map<String, Object>) intake.get("parameters");
        assertThat(parameters).containsEntry("type", "object");
        Map<String, Object> fields = (Map<String, Object>) ((Map<String, Object>) parameters.get("properties")).get("fields");
        assertThat((Map<String, Object>) fields.get("properties")).containsOnlyKeys("full_name", "date_of_birth", "visit");
        assertThat((List<String>) fields.get("required")).containsExactly("full_name", "date_of_birth");

        long call = ((Number) body.get("call_id")).longValue();
        Map<String, Object> d = details(ann, call);
        assertThat(record(d)).containsEntry("channel", "browser").containsEntry("scenario", "org:" + org)
                .containsEntry("status", "in-progress").containsEntry("customer_number", "");
        assertThat(d).containsEntry("org_id", (int) org).containsEntry("phase", "greeting");
        assertThat((List<Map<String, Object>>) http.get("/api/calls?org_id=" + org, ann).map().get("calls"))
                .extracting(c -> ((Number) c.get("id")).longValue()).containsExactly(call);

        // the WebRTC offer of an organization's session is connected with the same brief
        HttpJson.Reply answered = http.postJson("/realtime/signal", "{\"sdp\":" + quote(OFFER) + ",\"session_id\":\"" + body.get("session_id") + "\"}", ann);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(openAi.requests().getLast().parts().get("session")).contains("Maple Clinic " + marker).contains("\"escalate_to_human\"")
                .doesNotContain("transfer_to_human");

        // the browser ends its own call with what it collected
        HttpJson.Reply ended = http.postJson("/api/call/end", "{\"call_id\":" + call + ",\"transcript\":[{\"speaker\":\"user\",\"text\":\"Hi\"}],"
                + "\"intake\":{\"fields\":{\"full_name\":\"Ann Lee\",\"date_of_birth\":\"1980-02-29\"},\"urgency\":\"normal\"}}", ann);
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.map()).containsEntry("status", "completed").containsEntry("phase", "completed").containsEntry("messages", 1);
    }

    @Test
    void organizationSessionsOfOtherTenantsUnknownOrMalformedAreRefusedBeforeOpenAiIsAskedAndOpenAiFailingIs502() {
        String ann = newUser();
        String bob = newUser();
        long org = newOrg(ann, "R" + UUID.randomUUID());
        openAi.clear();
        assertThat(http.postJson("/api/realtime/session", "{\"org_id\":" + org + "}", bob).status()).isEqualTo(404);
        assertThat(http.postJson("/api/realtime/session", "{\"org_id\":" + (org + 100_000) + "}", ann).status()).isEqualTo(404);
        assertThat(http.postJson("/api/realtime/session", "{\"org_id\":0}", ann).status()).isEqualTo(404);
        HttpJson.Reply missing = http.postJson("/api/realtime/session", "{}", ann);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("org_id");
        assertThat(http.postJson("/api/realtime/session", "{\"org_id\":\"abc\"}", ann).status()).isEqualTo(400);
        assertThat(http.postJson("/api/realtime/session", "{\"org_id\": 5", ann).status()).isEqualTo(400);
        assertThat(http.postJson("/api/realtime/session", "{\"org_id\":" + org + "}", null).status()).isEqualTo(401);
        assertThat(openAi.requests()).isEmpty();
        assertThat(http.get("/api/calls", bob).map()).containsEntry("total", 0);

        openAi.failWith(500);
        HttpJson.Reply refused = http.postJson("/api/realtime/session", "{\"org_id\":" + org + "}", ann);
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.map()).containsEntry("code", "realtime.unavailable");
        assertThat(refused.body()).doesNotContain(KEY).doesNotContain("scripted failure");
        assertThat(http.get("/api/calls?org_id=" + org, ann).map()).as("no call record for a refused session").containsEntry("total", 0);
    }

    @Test
    void aScenarioSessionGetsTheCalendarToolsExactlyWhenTheScenarioIsSwitchedOnForThem() {
        String ann = newUser();
        String on = (String) http.postJson("/custom-scenarios", "{\"persona\":\"You are Robin.\",\"prompt\":\"Book demos.\","
                + "\"calendar_tools\":true}", ann).map().get("scenario_id");
        String off = (String) http.postJson("/custom-scenarios", "{\"persona\":\"You are Robin.\",\"prompt\":\"Book demos.\"}", ann)
                .map().get("scenario_id");
        assertThat(http.postJson("/realtime/session", "{\"scenario_id\":\"" + on + "\"}", ann).status()).isEqualTo(200);
        assertThat(openAi.requests().getLast().body()).contains("\"check_availability\"", "\"find_slots\"", "\"book_meeting\"",
                "\"end_call\"");
        assertThat(http.postJson("/realtime/session", "{\"scenario_id\":\"" + off + "\"}", ann).status()).isEqualTo(200);
        assertThat(openAi.requests().getLast().body()).contains("\"end_call\"").doesNotContain("check_availability")
                .doesNotContain("find_slots").doesNotContain("book_meeting");
    }

    // ---- POST /api/call/start and /api/call/end

    @Test
    void aCallTheClientReportsEndedIsToldToTheConsolesOnce() throws Exception {
        String ann = newUser();
        long org = newOrg(ann, "C" + UUID.randomUUID());
        long call = startCall(ann, org);
        try (ConsoleClient console = new ConsoleClient(server.getURI(), "?token=" + ann, json)) {
            String end = "{\"call_id\":" + call + ",\"transcript\":[{\"speaker\":\"user\",\"text\":\"Hi\"}]}";
            assertThat(http.postJson("/api/call/end", end, ann).status()).isEqualTo(200);
            assertThat(console.next("call_status_update")).containsEntry("call_id", Long.toString(call)).containsEntry("status", "ended");
            assertThat(http.postJson("/api/call/end", end, ann).status()).as("ending again").isEqualTo(200);
            assertThat(console.quietFor(500)).as("ending again tells nobody").isTrue();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCallEndedWithItsTranscriptAndIntakeIsStoredOnceAndEndingAgainAnswersTheSame() {
        String ann = newUser();
        long org = newOrg(ann, "C" + UUID.randomUUID());
        long otherOrg = newOrg(ann, "O" + UUID.randomUUID());
        HttpJson.Reply started = http.postJson("/api/call/start", "{\"org_id\":" + org + ",\"channel\":\"browser\"}", ann);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.map()).containsEntry("org_id", (int) org).containsEntry("channel", "browser").containsEntry("status", "in-progress")
                .containsKeys("call_id", "start_time");
        long call = ((Number) started.map().get("call_id")).longValue();
        long other = startCall(ann, otherOrg);
        assertThat(details(ann, call)).containsEntry("org_id", (int) org).containsEntry("phase", "greeting");
        assertThat((List<Map<String, Object>>) http.get("/api/calls?org_id=" + org, ann).map().get("calls"))
                .extracting(c -> ((Number) c.get("id")).longValue()).containsExactly(call);
        assertThat(http.get("/api/calls", ann).map()).containsEntry("total", 2);

        Instant said = Instant.now().minusMillis(500);
        String end = "{\"call_id\":" + call + ",\"transcript\":["
                + "{\"speaker\":\"assistant\",\"text\":\"Maple Clinic, how can I help?\",\"timestamp\":\"" + said + "\"},"
                + "{\"speaker\":\"user\",\"text\":\"I need a check-up.\",\"timestamp\":" + said.plusMillis(200).toEpochMilli() + "},"
                + "{\"speaker\":\"assistant\",\"text\":\"May I have your name?\"}],"
                + "\"intake\":{\"full_name\":\"Ann Lee\",\"date_of_birth\":\"1980-02-29\",\"visit\":\"Check-up\",\"urgency\":\"high\"}}";
        HttpJson.Reply first = http.postJson("/api/call/end", end, ann);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.map()).containsEntry("call_id", (int) call).containsEntry("status", "completed").containsEntry("channel", "browser")
                .containsEntry("org_id", (int) org).containsEntry("phase", "completed").containsEntry("messages", 3);
        assertThat(first.map().get("end_time")).isNotNull();
        Map<String, Object> intake = (Map<String, Object>) first.map().get("intake");
        assertThat(intake).containsEntry("complete", true).containsEntry("urgency", "high");
        assertThat((Map<String, Object>) intake.get("data")).containsEntry("full_name", "Ann Lee").containsEntry("date_of_birth", "1980-02-29")
                .containsEntry("visit", "check-up");

        Map<String, Object> stored = details(ann, call);
        assertThat(record(stored)).containsEntry("status", "completed");
        assertThat(messages(stored)).extracting(m -> m.get("sender_type") + ": " + m.get("content")).containsExactly(
                "agent: Maple Clinic, how can I help?", "customer: I need a check-up.", "agent: May I have your name?");
        assertThat(((Number) messages(stored).get(1).get("start_ms")).longValue()).isGreaterThanOrEqualTo(
                ((Number) messages(stored).get(0).get("start_ms")).longValue());
        assertThat(stored).containsEntry("phase", "completed");
        assertThat((Map<String, Object>) stored.get("intake")).containsEntry("complete", true);

        // again, with other lines and a worse intake: nothing changes, the answer is the same
        HttpJson.Reply again = http.postJson("/api/call/end", "{\"call_id\":" + call + ",\"transcript\":[{\"speaker\":\"user\",\"text\":\"Bye\"}],"
                + "\"intake\":{\"full_name\":\"\"}}", ann);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.map()).isEqualTo(first.map());
        assertThat(details(ann, call)).isEqualTo(stored);

        // another tenant sees none of it and changes none of it
        String bob = newUser();
        assertThat(http.postJson("/api/call/end", "{\"call_id\":" + other + ",\"transcript\":[{\"speaker\":\"user\",\"text\":\"x\"}]}", bob)
                .status()).isEqualTo(404);
        assertThat(http.postJson("/api/call/start", "{\"org_id\":" + org + ",\"channel\":\"browser\"}", bob).status()).isEqualTo(404);
        assertThat(http.get("/api/calls/" + call, bob).status()).isEqualTo(404);
        assertThat((List<?>) http.get("/api/calls?org_id=" + org, bob).map().get("calls")).isEmpty();
        assertThat(record(details(ann, other))).containsEntry("status", "in-progress");
        assertThat(messages(details(ann, other))).isEmpty();
    }

    @Test
    void concurrentEndsOfOneCallStoreItsLinesOnceAndAllAnswerTheSame() throws Exception {
        String ann = newUser();
        long org = newOrg(ann, "P" + UUID.randomUUID());
        long call = startCall(ann, org);
        String end = "{\"call_id\":" + call + ",\"transcript\":[{\"speaker\":\"assistant\",\"text\":\"Hello\"},{\"speaker\":\"user\",\"text\":\"Hi\"}],"
                + "\"intake\":{\"fields\":{\"full_name\":\"Kim\",\"date_of_birth\":\"1990-01-01\"}}}";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<HttpJson.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) replies.add(pool.submit(() -> {
                go.await();
                return http.postJson("/api/call/end", end, ann);
            }));
            go.countDown();
            List<Map<String, Object>> bodies = new ArrayList<>();
            for (Future<HttpJson.Reply> f : replies) {
                HttpJson.Reply r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                bodies.add(r.map());
            }
            assertThat(bodies).allSatisfy(b -> assertThat(b).isEqualTo(bodies.getFirst()));
        } finally {
            pool.shutdownNow();
        }
        assertThat(messages(details(ann, call))).hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIntakeThatDoesNotFitTheOrganizationsFieldsIs422AndLeavesTheCallAsItWas() {
        String ann = newUser();
        long org = newOrg(ann, "I" + UUID.randomUUID());
        long call = startCall(ann, org);
        String lines = "\"transcript\":[{\"speaker\":\"user\",\"text\":\"My name is Ann.\"}]";
        for (var bad : Map.of("{\"full_name\":\"Ann Lee\"}", "date_of_birth",
                "{\"full_name\":\"Ann Lee\",\"date_of_birth\":\"last spring\"}", "date_of_birth",
                "{\"full_name\":\"Ann Lee\",\"date_of_birth\":\"1980-02-29\",\"visit\":\"surgery\"}", "visit",
                "{\"full_name\":\"Ann Lee\",\"date_of_birth\":\"1980-02-29\",\"urgency\":\"panic\"}", "intake.urgency").entrySet()) {
            HttpJson.Reply refused = http.postJson("/api/call/end", "{\"call_id\":" + call + "," + lines + ",\"intake\":" + bad.getKey() + "}", ann);
            assertThat(refused.status()).as(bad.getKey() + " " + refused.body()).isEqualTo(422);
            assertThat(refused.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(refused.map()).containsEntry("status_code", 422).containsKey("detail");
            assertThat(refused.body()).contains(bad.getValue());
            assertThat((List<Map<String, Object>>) refused.map().get("errors")).extracting(e -> (String) e.get("field"))
                    .allMatch(f -> f.startsWith("intake"));
        }
        Map<String, Object> untouched = details(ann, call);
        assertThat(record(untouched)).containsEntry("status", "in-progress");
        assertThat(messages(untouched)).isEmpty();
        assertThat(untouched).containsEntry("intake", null).containsEntry("phase", "greeting");

        HttpJson.Reply fixed = http.postJson("/api/call/end", "{\"call_id\":" + call + "," + lines
                + ",\"intake\":{\"full_name\":\"Ann Lee\",\"date_of_birth\":\"1980-02-29\"}}", ann);
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat((Map<String, Object>) fixed.map().get("intake")).containsEntry("complete", true).containsEntry("urgency", "normal");

        // without intake: the call ends, its phase stays where the conversation left it
        long plain = startCall(ann, org);
        HttpJson.Reply noIntake = http.postJson("/api/call/end", "{\"call_id\":" + plain + "}", ann);
        assertThat(noIntake.status()).as(noIntake.body()).isEqualTo(200);
        assertThat(noIntake.map()).containsEntry("status", "completed").containsEntry("messages", 0).containsEntry("intake", null)
                .containsEntry("phase", "greeting");

        // a scenario's browser session ends the same way, but has no intake to take
        long scenarioCall = ((Number) http.postJson("/realtime/session", "{\"scenario\":\"sales\"}", ann).map().get("call_id")).longValue();
        HttpJson.Reply notOrg = http.postJson("/api/call/end", "{\"call_id\":" + scenarioCall + ",\"intake\":{\"full_name\":\"A\"}}", ann);
        assertThat(notOrg.status()).as(notOrg.body()).isEqualTo(409);
        assertThat(record(details(ann, scenarioCall))).containsEntry("status", "in-progress");
        HttpJson.Reply scenarioEnd = http.postJson("/api/call/end", "{\"call_id\":" + scenarioCall + ",\"transcript\":[{\"speaker\":\"agent\",\"text\":\"Hi\"}]}", ann);
        assertThat(scenarioEnd.status()).as(scenarioEnd.body()).isEqualTo(200);
        assertThat(scenarioEnd.map()).containsEntry("status", "completed").containsEntry("org_id", null).containsEntry("messages", 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void malformedStartsAndEndsAre400Or422NeverA500AndPhoneCallsTheClientRunsCarryTheirNumber() {
        String ann = newUser();
        long org = newOrg(ann, "M" + UUID.randomUUID());
        for (var bad : Map.of(
                "{\"channel\":\"browser\"}", "org_id",
                "{\"org_id\":" + org + "}", "channel",
                "{\"org_id\":" + org + ",\"channel\":\"fax\"}", "channel",
                "{\"org_id\":" + org + ",\"channel\":\"browser\",\"customer_number\":\"+14155550100\"}", "customer_number",
                "{\"org_id\":" + org + ",\"channel\":\"phone\",\"customer_number\":\"call me\"}", "customer_number",
                "{\"org_id\":" + org + ",\"channel\":\"phone\",\"direction\":\"sideways\"}", "direction").entrySet()) {
            HttpJson.Reply refused = http.postJson("/api/call/start", bad.getKey(), ann);
            assertThat(refused.status()).as(bad.getKey() + " " + refused.body()).isEqualTo(422);
            assertThat(refused.body()).contains("\"" + bad.getValue() + "\"");
        }
        for (String bad : List.of("{\"org_id\":\"abc\",\"channel\":\"browser\"}", "{\"org_id\":", "[1,2]", "{\"org_id\":1,\"org_id\":2,\"channel\":\"browser\"}")) {
            HttpJson.Reply refused = http.postJson("/api/call/start", bad, ann);
            assertThat(refused.status()).as(bad + " " + refused.body()).isEqualTo(400);
            assertThat(refused.map()).containsEntry("status_code", 400);
        }
        assertThat(http.postJson("/api/call/start", "{\"org_id\":0,\"channel\":\"browser\"}", ann).status()).isEqualTo(404);
        assertThat(http.postJson("/api/call/start", "{\"org_id\":" + (org + 100_000) + ",\"channel\":\"browser\"}", ann).status()).isEqualTo(404);
        assertThat(http.postJson("/api/call/start", "{\"org_id\":" + org + ",\"channel\":\"browser\"}", null).status()).isEqualTo(401);
        assertThat(http.get("/api/calls", ann).map()).as("no refused start left a call").containsEntry("total", 0);

        long call = startCall(ann, org);
        StringBuilder tooMany = new StringBuilder("{\"call_id\":" + call + ",\"transcript\":[");
        for (int i = 0; i < 2001; i++) tooMany.append(i == 0 ? "" : ",").append("{\"speaker\":\"user\",\"text\":\"x\"}");
        tooMany.append("]}");
        for (var bad : Map.of(
                "{\"transcript\":[]}", "call_id",
                "{\"call_id\":" + call + ",\"transcript\":[{\"speaker\":\"robot\",\"text\":\"x\"}]}", "transcript[0].speaker",
                "{\"call_id\":" + call + ",\"transcript\":[{\"speaker\":\"user\",\"text\":\"ok\"},{\"speaker\":\"user\",\"text\":\"  \"}]}", "transcript[1].text",
                "{\"call_id\":" + call + ",\"transcript\":[{\"speaker\":\"user\",\"text\":\"x\",\"timestamp\":\"yesterday\"}]}", "transcript[0].timestamp",
                "{\"call_id\":" + call + ",\"transcript\":[null]}", "transcript[0]",
                tooMany.toString(), "transcript").entrySet()) {
            HttpJson.Reply refused = http.postJson("/api/call/end", bad.getKey(), ann);
            assertThat(refused.status()).as(bad.getValue() + " " + refused.body()).isEqualTo(422);
            assertThat(refused.body()).contains(bad.getValue());
        }
        for (String bad : List.of("{\"call_id\":\"x\"}", "{\"call_id\":" + call + ",\"transcript\":\"hello\"}",
                "{\"call_id\":" + call + ",\"intake\":\"name\"}", "{\"call_id\":" + call + ",\"transcript\":[{\"speaker\":\"user\",\"text\":\"x\"}")) {
            HttpJson.Reply refused = http.postJson("/api/call/end", bad, ann);
            assertThat(refused.status()).as(bad + " " + refused.body()).isEqualTo(400);
        }
        assertThat(http.postJson("/api/call/end", "{\"call_id\":999999999}", ann).status()).isEqualTo(404);
        assertThat(http.postJson("/api/call/end", "{\"call_id\":-3}", ann).status()).isEqualTo(404);
        assertThat(record(details(ann, call))).as("refused ends change nothing").containsEntry("status", "in-progress");

        // a phone call the client runs itself: its number and direction are kept, and it ends like a browser call
        HttpJson.Reply phone = http.postJson("/api/call/start", "{\"org_id\":" + org + ",\"channel\":\"phone\","
                + "\"customer_number\":\"+1 (415) 555-0100\",\"direction\":\"outbound\"}", ann);
        assertThat(phone.status()).as(phone.body()).isEqualTo(201);
        long phoneCall = ((Number) phone.map().get("call_id")).longValue();
        assertThat(record(details(ann, phoneCall))).containsEntry("channel", "phone").containsEntry("customer_number", "+14155550100")
                .containsEntry("organization_number", "").containsEntry("direction", "outbound").containsEntry("call_sid", null);
        assertThat(http.postJson("/api/call/end", "{\"call_id\":" + phoneCall + "}", ann).map()).containsEntry("status", "completed")
                .containsEntry("channel", "phone");

        // a call the phone network carries for us ends by the carrier's reports only
        HttpJson.Reply simulated = http.postJson("/api/simulated-calls", "{\"scenario\":\"sales\"}", ann);
        assertThat(simulated.status()).as(simulated.body()).isBetween(200, 201);
        long carried = ((Number) simulated.map().get("call_id")).longValue();
        HttpJson.Reply refused = http.postJson("/api/call/end", "{\"call_id\":" + carried + "}", ann);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.map()).containsEntry("code", "call.not-client-run");
    }
}

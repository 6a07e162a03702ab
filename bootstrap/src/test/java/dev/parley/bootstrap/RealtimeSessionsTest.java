package dev.parley.bootstrap;

import dev.parley.adapter.out.openai.testing.OpenAiRealtimeCallsStub;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser realtime sessions (seed 004) over HTTP against the OpenAI stand-in: the client secret and the
 * call record, the exact SDP relay in both body forms, refusals (bad input, expired, foreign, used),
 * the vendor failing, and the server's key never leaving the server (responses and log lines).
 */
@MicronautTest(transactional = false)
class RealtimeSessionsTest extends BrowserRealtimeTestSupport {
    @BeforeEach
    void resetStandIns() {
        openAi.failWith(0);
        openAi.secretsLiving(600);
    }

    private String newUser() {
        return newUser("rt-");
    }

    private HttpJson.Reply sdp(String path, String body, String token, String sessionHeader) {
        HttpRequest.Builder b = http.request(path, token).header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (sessionHeader != null) b.header("X-Session-Id", sessionHeader);
        return http.send(b);
    }

    @Test
    void aScenarioSessionGetsAClientSecretAndABrowserCallRecord() throws Exception {
        String ann = newUser();
        HttpJson.Reply started = http.postJson("/realtime/session", "{\"scenario\":\"sales\"}", ann);

        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.body()).doesNotContain(KEY);
        Map<String, Object> body = started.map();
        assertThat((String) body.get("session_id")).startsWith("bs_");
        @SuppressWarnings("unchecked") Map<String, Object> secret = (Map<String, Object>) body.get("client_secret");
        assertThat((String) secret.get("value")).startsWith("ek_test_");
        assertThat(((Number) secret.get("expires_at")).longValue()).isGreaterThan(System.currentTimeMillis() / 1000);
        assertThat(body).containsEntry("model", "gpt-realtime").containsKeys("voice", "call_id");
        OpenAiRealtimeCallsStub.Recorded minted = openAi.requests().getLast();
        assertThat(minted.path()).isEqualTo("/v1/realtime/client_secrets");
        assertThat(minted.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(minted.body()).contains("\"instructions\"").contains("end_call").contains("\"voice\":\"" + body.get("voice") + "\"");

        long callId = ((Number) body.get("call_id")).longValue();
        HttpJson.Reply call = http.get("/api/calls/" + callId, ann);
        assertThat(call.status()).as(call.body()).isEqualTo(200);
        @SuppressWarnings("unchecked") Map<String, Object> record = (Map<String, Object>) call.map().get("call");
        assertThat(record).containsEntry("channel", "browser").containsEntry("scenario", "sales").containsEntry("status", "in-progress")
                .containsEntry("customer_number", "");
        assertThat(http.get("/api/calls/" + callId, newUser()).status()).isEqualTo(404);
    }

    @Test
    void theOfferIsRelayedExactlyInJsonAndInSdpForm() {
        String ann = newUser();
        String first = (String) http.postJson("/realtime/session", "{\"scenario\":\"sales\"}", ann).map().get("session_id");
        openAi.clear();
        HttpJson.Reply answered = http.postJson("/realtime/signal",
                "{\"sdp\":" + quote(OFFER) + ",\"session_id\":\"" + first + "\"}", ann);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.map()).containsEntry("sdp", OpenAiRealtimeCallsStub.answerFor(OFFER));
        OpenAiRealtimeCallsStub.Recorded relayed = openAi.requests().getLast();
        assertThat(relayed.path()).isEqualTo("/v1/realtime/calls");
        assertThat(relayed.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(relayed.parts().get("sdp")).isEqualTo(OFFER);
        assertThat(relayed.parts().get("session")).contains("\"instructions\"");
        // a session connects one call
        assertThat(http.postJson("/realtime/signal", "{\"sdp\":" + quote(OFFER) + ",\"session_id\":\"" + first + "\"}", ann).status())
                .isEqualTo(404);

        String second = (String) http.postJson("/realtime/session", "{\"scenario\":\"sales\"}", ann).map().get("session_id");
        HttpJson.Reply raw = sdp("/realtime/signal?session_id=" + second, OFFER, ann, null);
        assertThat(raw.status()).as(raw.body()).isEqualTo(200);
        assertThat(raw.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/sdp");
        assertThat(raw.body()).isEqualTo(OpenAiRealtimeCallsStub.answerFor(OFFER)).doesNotContain(KEY);
        assertThat(openAi.requests().getLast().parts().get("sdp")).isEqualTo(OFFER);

        String third = (String) http.postJson("/realtime/session", "{\"scenario\":\"sales\"}", ann).map().get("session_id");
        assertThat(sdp("/realtime/signal", OFFER, ann, third).status()).isEqualTo(200);
    }

    @Test
    void badOffersAreRefusedAndNothingGoesUpstream() {
        String ann = newUser();
        String session = (String) http.postJson("/realtime/session", "{\"scenario\":\"sales\"}", ann).map().get("session_id");
        openAi.clear();
        for (String bad : new String[]{"", "hello", "v=0\r\ns=-\r\n", "v=0\r\nm=audio 9\r\n\u0001", "v=0\r\nm=audio\r\n" + "a=x\r\n".repeat(5000)}) {
            HttpJson.Reply refused = http.postJson("/realtime/signal", "{\"sdp\":" + quote(bad) + ",\"session_id\":\"" + session + "\"}", ann);
            assertThat(refused.status()).as(refused.body()).isBetween(400, 499);
            assertThat(refused.body()).contains("sdp");
        }
        assertThat(sdp("/realtime/signal?session_id=" + session, "not sdp at all", ann, null).status()).isEqualTo(422);
        assertThat(http.postJson("/realtime/signal", "{\"sdp\":" + quote(OFFER) + "}", ann).status()).isEqualTo(404);
        assertThat(openAi.requests()).isEmpty();
        // the session was not used up by refused offers
        assertThat(http.postJson("/realtime/signal", "{\"sdp\":" + quote(OFFER) + ",\"session_id\":\"" + session + "\"}", ann).status())
                .isEqualTo(200);
    }

    @Test
    void foreignExpiredAndUnknownSessionsAndScenariosAre404() {
        String ann = newUser();
        String bob = newUser();
        String session = (String) http.postJson("/realtime/session", "{\"scenario\":\"sales\"}", ann).map().get("session_id");
        assertThat(http.postJson("/realtime/signal", "{\"sdp\":" + quote(OFFER) + ",\"session_id\":\"" + session + "\"}", bob).status())
                .isEqualTo(404);
        assertThat(http.postJson("/realtime/signal", "{\"sdp\":" + quote(OFFER) + ",\"session_id\":\"bs_unknown\"}", ann).status())
                .isEqualTo(404);

        openAi.secretsLiving(-5);
        String expired = (String) http.postJson("/realtime/session", "{\"scenario\":\"sales\"}", ann).map().get("session_id");
        HttpJson.Reply late = http.postJson("/realtime/signal", "{\"sdp\":" + quote(OFFER) + ",\"session_id\":\"" + expired + "\"}", ann);
        assertThat(late.status()).isEqualTo(404);
        assertThat(late.map()).containsEntry("code", "session.not-found");

        String annScenario = (String) http.postJson("/realtime/custom-scenario", "{\"persona\":\"Friendly.\",\"prompt\":\"Help.\","
                + "\"voice_type\":\"aggressive_male\",\"temperature\":0.7}", ann).map().get("scenario_id");
        openAi.secretsLiving(600);
        HttpJson.Reply own = http.postJson("/realtime/session", "{\"scenario_id\":\"" + annScenario + "\"}", ann);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.map()).containsEntry("voice", "ash");
        int before = openAi.requests().size();
        assertThat(http.postJson("/realtime/session", "{\"scenario_id\":\"" + annScenario + "\"}", bob).status()).isEqualTo(404);
        assertThat(http.postJson("/realtime/session", "{\"scenario\":\"no-such-thing\"}", ann).status()).isEqualTo(404);
        assertThat(openAi.requests()).hasSize(before);
        assertThat(http.postJson("/realtime/session", "{}", ann).status()).isEqualTo(422);
        assertThat(http.postJson("/realtime/session", "{\"scenario\":\"sales\",\"scenario_id\":\"x\"}", ann).status()).isEqualTo(422);
        assertThat(http.postJson("/realtime/session", "{\"scenario\": 5", ann).status()).isEqualTo(400);
        assertThat(http.postJson("/realtime/session", "{\"scenario\":\"sales\"}", null).status()).isEqualTo(401);
    }

    @Test
    void openAiRefusingIs502WithoutItsAnswerOrTheKey() {
        String ann = newUser();
        openAi.failWith(500);
        HttpJson.Reply refused = http.postJson("/realtime/session", "{\"scenario\":\"sales\"}", ann);
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.map()).containsEntry("code", "realtime.unavailable");
        assertThat(refused.body()).doesNotContain(KEY).doesNotContain("scripted failure");
        assertThat(http.get("/api/calls", ann).map().get("total")).as("no call record for a refused session").isEqualTo(0);
    }

    private String quote(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

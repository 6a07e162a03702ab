package dev.parley.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.parley.adapter.out.captcha.SiteverifyStandIn;
import dev.parley.adapter.out.openai.testing.FakeRealtimeServer;
import dev.parley.adapter.out.openai.testing.OpenAiSpeechStub;
import dev.parley.bootstrap.logging.ParleyLogEncoder;
import dev.parley.domain.shared.PhoneNumber;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.parley.adapter.out.openai.testing.Eventually.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every log line of a realistic flow, captured through Parley's own encoders (text and JSON) with the
 * application's and Micronaut's HTTP loggers turned up to TRACE/DEBUG: register, sign in and refresh (with a
 * CAPTCHA), an outbound call with its signed webhooks and media stream through the stand-ins, and a console
 * session speaking into the call. None of the known secrets, phone numbers, transcript lines or agent
 * messages may appear in clear text.
 */
@MicronautTest(transactional = false)
class LogLeakTest extends TelephonyTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String OPENAI_KEY = "sk-leak-" + UUID.randomUUID().toString().replace("-", "");
    private static final String CAPTCHA_SECRET = "captcha-secret-" + UUID.randomUUID();
    private static final String CAPTCHA_TOKEN = "03AFcWeA" + UUID.randomUUID().toString().replace("-", "") + "x_Y-z";
    private static final String PASSWORD = "Leak-Pass-" + UUID.randomUUID().toString().substring(0, 8) + "!";
    private static final PhoneNumber CUSTOMER = new PhoneNumber("+1415" + (5_550_000 + (int) (Math.random() * 9_999)));
    private static final String CALLER_SAYS = "LEAKCHECK my card number ends in 4242 and I live at Elm Street";
    private static final String ASSISTANT_SAYS = "LEAKCHECK-ASSISTANT your balance is forty dollars";
    private static final String AGENT_TYPES = "LEAKCHECK-AGENT let me transfer you to billing";

    private final OpenAiSpeechStub speech = new OpenAiSpeechStub();
    private final SiteverifyStandIn captcha = new SiteverifyStandIn().answerByDefault("{\"success\":true}");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(super.getProperties());
        props.put("parley.openai.api-key", OPENAI_KEY);
        props.put("parley.openai.base-url", speech.baseUrl());
        props.put("parley.captcha.secret-key", CAPTCHA_SECRET);
        props.put("parley.captcha.verify-url", captcha.url());
        return props;
    }

    @AfterAll
    void stopMoreStandIns() {
        speech.close();
        captcha.close();
    }

    @Test
    void noSecretPhoneNumberTranscriptOrAgentMessageReachesTheLogs() throws Exception {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> textAppender = capture(logback, "text", text);
        OutputStreamAppender<ILoggingEvent> jsonAppender = capture(logback, "json", json);
        Map<String, Level> levels = new LinkedHashMap<>();
        for (String name : List.of(Logger.ROOT_LOGGER_NAME, "dev.parley", "io.micronaut.http", "io.micronaut.websocket",
                "io.micronaut.security", "io.micronaut.http.client")) {
            Logger logger = logback.getLogger(name);
            levels.put(name, logger.getLevel());
        }
        logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        logback.getLogger("dev.parley").setLevel(Level.TRACE);
        logback.getLogger("io.micronaut.http").setLevel(Level.DEBUG);
        logback.getLogger("io.micronaut.websocket").setLevel(Level.DEBUG);
        logback.getLogger("io.micronaut.security").setLevel(Level.DEBUG);
        Logger root = logback.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(textAppender);
        root.addAppender(jsonAppender);
        List<String> secrets = new ArrayList<>(List.of(OPENAI_KEY, CAPTCHA_SECRET, CAPTCHA_TOKEN, PASSWORD, AUTH_TOKEN,
                CUSTOMER.e164().substring(1), TelephonyStandIns.SYSTEM_NUMBER.e164().substring(1),
                CALLER_SAYS, ASSISTANT_SAYS, AGENT_TYPES, "LEAKCHECK"));
        try {
            flow(secrets);
            // a careless caller: the pipeline masks what it logs too
            LoggerFactory.getLogger("dev.parley.leak-probe").info("probe key={} password={} phone {}", OPENAI_KEY, PASSWORD, CUSTOMER.e164());
        } finally {
            root.detachAppender(textAppender);
            root.detachAppender(jsonAppender);
            textAppender.stop();
            jsonAppender.stop();
            levels.forEach((name, level) -> logback.getLogger(name).setLevel(level));
        }
        for (String captured : List.of(text.toString(StandardCharsets.UTF_8), json.toString(StandardCharsets.UTF_8))) {
            assertThat(captured.lines().count()).as("the flow was logged").isGreaterThan(20);
            assertThat(captured).contains("leak-probe").contains("sk-***")
                    .contains("*".repeat(CUSTOMER.e164().length() - 5) + CUSTOMER.e164().substring(CUSTOMER.e164().length() - 4));
            for (String secret : secrets)
                assertThat(captured).as("the logs must not contain " + secret.substring(0, Math.min(12, secret.length())) + "…")
                        .doesNotContain(secret);
        }
    }

    private void flow(List<String> secrets) throws Exception {
        // accounts: register, sign in, refresh, with a CAPTCHA
        String email = "leak-" + UUID.randomUUID() + "@example.com";
        String account = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"captcha_token\":\"" + CAPTCHA_TOKEN + "\"}";
        assertThat(http.postJson("/auth/register", account, null).status()).isEqualTo(201);
        HttpJson.Reply login = http.postJson("/auth/login", account, null);
        assertThat(login.status()).isEqualTo(200);
        String firstRefresh = (String) login.map().get("refresh_token");
        HttpJson.Reply refreshed = http.postJson("/auth/refresh", "{\"refresh_token\":\"" + firstRefresh + "\"}", null);
        assertThat(refreshed.status()).isEqualTo(200);
        String access = (String) refreshed.map().get("access_token");
        secrets.addAll(List.of((String) login.map().get("access_token"), firstRefresh, access, (String) refreshed.map().get("refresh_token")));
        assertThat(http.postJson("/auth/refresh", "{\"refresh_token\":\"" + firstRefresh + "\"}", null).status())
                .as("a replayed refresh token is refused (and logged about)").isEqualTo(401);
        // use the rotated pair: the replay above revoked that sign-in, so sign in again for the call
        HttpJson.Reply again = http.postJson("/auth/login", account, null);
        access = (String) again.map().get("access_token");
        secrets.addAll(List.of(access, (String) again.map().get("refresh_token")));
        String finalAccess = access;
        assertThat(http.get("/users/me", access).status()).isEqualTo(200);

        // an outbound call: placed through Twilio's stand-in, its signed webhooks, its media stream
        HttpJson.Reply placed = http.get("/make-call/%2B" + CUSTOMER.e164().substring(1) + "/sales", access);
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        String sid = (String) placed.map().get("call_sid");
        long callId = ((Number) placed.map().get("call_id")).longValue();
        Map<String, String> voice = voiceForm(sid, TelephonyStandIns.SYSTEM_NUMBER, CUSTOMER, "in-progress");
        secrets.add(TwilioSignatures.sign(AUTH_TOKEN, PUBLIC_URL + "/outbound-call/" + callId, voice));
        HttpJson.Reply twiml = twilioPost("/outbound-call/" + callId, voice);
        assertThat(twiml.status()).isEqualTo(200);
        Ticket ticket = ticket(sid, twiml.body());
        secrets.add(ticket.token());
        FakeTwilioCaller caller = caller();
        caller.echoMarks = true;
        caller.start(sid, Long.toString(ticket.callId()), ticket.token());
        FakeRealtimeServer.Connection model = openai.awaitConnection(WAIT);
        assertThat(model.awaitMessage("session.update", WAIT)).isNotNull();
        model.send("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"event_id\":\"e\",\"item_id\":\"item_u1\","
                + "\"content_index\":0,\"transcript\":\"" + CALLER_SAYS + "\"}");
        model.send("{\"type\":\"response.output_audio_transcript.done\",\"event_id\":\"e\",\"item_id\":\"item_a1\",\"transcript\":\""
                + ASSISTANT_SAYS + "\"}");

        // a console session on the call: the agent speaks into it
        try (ConsoleClient console = new ConsoleClient(server.getURI(), "?token=" + finalAccess + "&call_id=" + callId, json)) {
            assertThat(console.next("call_status_update")).containsEntry("call_id", Long.toString(callId));
            console.send(Map.of("type", "agent_message", "call_id", Long.toString(callId), "message", AGENT_TYPES,
                    "language", "auto", "timestamp", Instant.now().toString()));
            assertThat(console.next("agent_tts_audio")).containsEntry("message", AGENT_TYPES);
            assertThat(caller.await("media", WAIT)).isNotNull();
            console.send(Map.of("type", "hand_back", "call_id", Long.toString(callId)));
        }

        // the call ends: the carrier stops the stream and reports the status
        caller.stop(sid);
        Map<String, String> completed = voiceForm(sid, TelephonyStandIns.SYSTEM_NUMBER, CUSTOMER, "completed");
        completed.put("CallDuration", "12");
        secrets.add(TwilioSignatures.sign(AUTH_TOKEN, PUBLIC_URL + "/call-status", completed));
        assertThat(twilioPost("/call-status", completed).status()).isEqualTo(204);
        journal.flush(WAIT);
        until(WAIT, () -> monitor.stats().active() == 0);
        // a webhook with a forged signature is refused (and logged about)
        assertThat(twilioPost("/call-status", completed, "Zm9yZ2VkU2lnbmF0dXJlISEhISE=").status()).isEqualTo(403);
        secrets.add("Zm9yZ2VkU2lnbmF0dXJlISEhISE=");
    }

    private static OutputStreamAppender<ILoggingEvent> capture(LoggerContext context, String format, ByteArrayOutputStream into) {
        ParleyLogEncoder encoder = new ParleyLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("leak-capture-" + format);
        appender.setEncoder(encoder);
        appender.setOutputStream(into);
        appender.start();
        return appender;
    }
}

package dev.parley.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.domain.shared.PhoneNumber;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cases of the security and fault probe (issue 13) against the real server: each test names the
 * reproduction it guards, and every one of them also checks the log stayed quiet (no stack trace for a
 * client's mistake, at most one line per request).
 */
@MicronautTest(transactional = false)
class ProbeDefectsTest extends TelephonyTestSupport {
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.list.clear();
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        log.stop();
    }

    private void assertQuietLog(int requests) {
        assertThat(log.list).as("stack traces logged").noneMatch(e -> e.getThrowableProxy() != null);
        // other tests' leftovers (a garbage-collected Redis client warns from a cleaner thread) are not this server's answers
        List<ILoggingEvent> ours = log.list.stream().filter(e -> !e.getLoggerName().startsWith("io.lettuce")).toList();
        assertThat(ours.size()).as("log lines for %d requests: %s", requests, ours).isLessThanOrEqualTo(requests);
    }

    private HttpJson.Reply rawForm(String path, String body, String signature) {
        HttpRequest.Builder b = http.request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) b.header("X-Twilio-Signature", signature);
        return http.send(b);
    }

    /** Probe defect 3: {@code %zz=1} as a form body answered 500 with ~244 log lines a request. */
    @Test
    void malformedFormBodiesAre403OnTwilioWebhooksAnd400ElsewhereWithoutStackTraces() {
        for (String path : List.of("/incoming-call", "/call-status", "/call-status/1", "/outbound-call/1", "/recording-callback")) {
            for (String signature : new String[]{null, "c2lnbmF0dXJl"}) {
                HttpJson.Reply reply = rawForm(path, "%zz=1", signature);
                assertThat(reply.status()).as(path).isEqualTo(403);
                assertThat(reply.map()).containsEntry("status_code", 403).containsEntry("code", "webhook.forged");
            }
        }
        for (String body : List.of("%zz=1", "grant_type=password&username=%", "password=%E0%A4%A")) {
            HttpJson.Reply token = rawForm("/token", body, null);
            assertThat(token.status()).as(body).isEqualTo(400);
            assertThat(token.map()).containsEntry("status_code", 400).containsEntry("code", "request.malformed");
            assertThat(token.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertQuietLog(13);
    }

    /** Probe defect 4: eight identical signed /incoming-call posts at once; 1-2 answered 500 on calls_call_sid_uq. */
    @Test
    void concurrentRetriesOfOneIncomingCallAllAnswerTwimlForTheSameCall() throws Exception {
        Tenant tenant = newTenant();
        PhoneNumber ours = randomNumber();
        numbers.assign(ours, tenant.id(), "sales");
        for (int round = 0; round < 3; round++) {
            String sid = newSid();
            Map<String, String> form = voiceForm(sid, new PhoneNumber("+14155550100"), ours, "ringing");
            List<Callable<HttpJson.Reply>> posts = new ArrayList<>();
            for (int i = 0; i < 8; i++) posts.add(() -> twilioPost("/incoming-call", form));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                Set<Long> callIds = new HashSet<>();
                for (Future<HttpJson.Reply> f : pool.invokeAll(posts)) {
                    HttpJson.Reply reply = f.get();
                    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                    assertThat(reply.body()).contains("<Connect><Stream");
                    callIds.add(ticket(sid, reply.body()).callId());
                }
                assertThat(callIds).as("one call for one CallSid").hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(log.list).noneMatch(e -> e.getThrowableProxy() != null);
    }

    /**
     * Probe defect 8: error bodies quoted Jackson ({@code StreamReadConstraints.getMaxNestingDepth()},
     * {@code START_ARRAY}); duplicate keys silently merged; an email with a NUL byte was accepted.
     */
    @Test
    void jsonMistakesAreRefusedInPlainWordsAndDuplicateKeysOrControlCharactersNeverPass() {
        String deep = "[".repeat(1_200) + "]".repeat(1_200);
        String email = "probe-" + UUID.randomUUID() + "@example.com";
        List<String> bodies = List.of(
                deep,
                "{\"email\":" + deep + ",\"password\":\"secure_password\"}",
                "{\"email\":{\"a\":1},\"password\":\"secure_password\"}",
                "{\"email\":\"" + email + "\",\"password\":[1,2]}",
                "{\"email\":\"" + email + "\",\"password\":\"x\",\"password\":\"secure_password\"}",
                "{\"email\":\"" + email + "\",\"email\":\"other-" + email + "\",\"password\":\"secure_password\"}");
        for (String body : bodies) {
            HttpJson.Reply reply = http.postJson("/auth/register", body, null);
            assertThat(reply.status()).as(reply.body()).isIn(400, 422);
            String detail = String.valueOf(reply.map().get("detail")) + reply.map().get("errors");
            assertThat(detail).as(body.length() > 80 ? body.substring(0, 80) : body)
                    .doesNotContain("StreamReadConstraints", "getMaxNestingDepth", "START_", "END_", "VALUE_", "JsonToken",
                            "com.fasterxml", "io.micronaut", "Source:", "`");
        }
        HttpJson.Reply duplicate = http.postJson("/auth/register", bodies.get(5), null);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.map().get("detail").toString()).contains("Duplicate field 'email'");
        assertThat(http.postJson("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"secure_password\"}", null).status())
                .as("no account was made by any of the bodies").isEqualTo(401);

        HttpJson.Reply nul = http.postJson("/auth/register",
                "{\"email\":\"nul\\u0000-" + email + "\",\"password\":\"secure_password\"}", null);
        assertThat(nul.status()).as(nul.body()).isEqualTo(422);
        assertThat(nul.body()).contains("email");
        assertQuietLog(bodies.size() + 3);
    }

    /** Probe defect 8: a header block over 8 KiB answered "413 Request body too large" without the security headers. */
    @Test
    void anOversizeRequestHeadIsAnswered431Or414InTheErrorShapeWithTheSecurityHeaders() throws Exception {
        String headers = "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(9_000) + "\r\n\r\n";
        String answer = rawExchange(headers);
        assertThat(answer).startsWith("HTTP/1.1 431 ");
        assertThat(answer).contains("X-Content-Type-Options: nosniff", "Content-Security-Policy: default-src 'none'",
                "Strict-Transport-Security:", "\"status_code\":431", "\"code\":\"request.headers-too-large\"");

        String line = rawExchange("GET /health?" + "q".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(line).startsWith("HTTP/1.1 414 ");
        assertThat(line).contains("X-Frame-Options: DENY", "\"status_code\":414");

        assertThat(http.get("/health", null).status()).as("the server goes on").isEqualTo(200);
        assertQuietLog(2);
    }

    private String rawExchange(String request) throws Exception {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1); // the server closes
        }
    }
}

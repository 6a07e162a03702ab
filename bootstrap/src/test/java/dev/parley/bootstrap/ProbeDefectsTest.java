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

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        assertThat(log.list.size()).as("log lines for %d requests: %s", requests, log.list).isLessThanOrEqualTo(requests);
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
}

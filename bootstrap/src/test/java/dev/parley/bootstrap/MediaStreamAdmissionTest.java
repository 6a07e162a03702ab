package dev.parley.bootstrap;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.parley.adapter.out.openai.testing.Eventually.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Probe defect 5: 500 media-stream sockets that never sent {@code start} stayed open for 5 minutes,
 * with no cap, and ones sending {@code connected} or a ping every 20 s stayed beyond 5.5 minutes.
 * Here the start timeout is 1 s and at most 3 sockets per address may await their start frame.
 */
@MicronautTest(transactional = false)
class MediaStreamAdmissionTest extends TelephonyTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("parley.calls.stream-start-timeout", "1s");
        properties.put("parley.calls.max-streams-awaiting-start-per-address", "3");
        properties.put("parley.calls.max-streams-awaiting-start", "50");
        return properties;
    }

    private FakeTwilioCaller connect() {
        return FakeTwilioCaller.connect(rawHttp, mediaStreamUri("/media-stream"), "MZ" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Test
    void aSocketThatKeepsTalkingButNeverSendsStartIsClosedAfterTheStartTimeout() throws Exception {
        FakeTwilioCaller idle = connect();
        long opened = System.nanoTime();
        idle.raw("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
        for (int i = 0; i < 3 && !idle.isClosed(); i++) {
            idle.ping(new byte[]{1});
            Thread.sleep(400);
        }
        assertThat(idle.awaitCloseCode(WAIT)).isEqualTo(1008);
        assertThat(Duration.ofNanos(System.nanoTime() - opened)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(8));
        idle.close();
    }

    @Test
    void socketsAwaitingStartAreCappedPerAddressAndAStartedCallFreesItsPlace() {
        Tenant ann = newTenant();
        List<FakeTwilioCaller> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) waiting.add(connect());
        assertThatThrownBy(this::connect).satisfies(e -> assertThat(handshakeStatus(e)).isEqualTo(429));

        // one of them presents its start frame: its place is free for the next socket, and its call goes on
        Ticket ticket = inboundCall(ann, "sales");
        waiting.getFirst().start(ticket.callSid(), Long.toString(ticket.callId()), ticket.token());
        until(WAIT, () -> {
            try {
                return waiting.add(connect());
            } catch (RuntimeException stillFull) {
                return false;
            }
        });
        // the ones that never start are closed by the timeout, and free their places too
        for (FakeTwilioCaller c : waiting.subList(1, waiting.size())) assertThat(c.awaitCloseCode(WAIT)).isEqualTo(1008);
        assertThat(waiting.getFirst().isClosed()).isFalse();
        List<FakeTwilioCaller> again = new ArrayList<>();
        for (int i = 0; i < 3; i++) again.add(connect());
        again.forEach(FakeTwilioCaller::close);
        waiting.getFirst().stop(ticket.callSid());
        waiting.forEach(FakeTwilioCaller::close);
    }

    private static int handshakeStatus(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause())
            if (t instanceof WebSocketHandshakeException refused) return refused.getResponse().statusCode();
        throw new AssertionError("not a refused handshake", failure);
    }
}

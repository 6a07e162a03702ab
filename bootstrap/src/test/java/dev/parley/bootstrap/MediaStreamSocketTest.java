package dev.parley.bootstrap;

import dev.parley.adapter.out.openai.testing.FakeRealtimeServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static dev.parley.adapter.out.openai.testing.Eventually.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media-stream WebSocket as Twilio sees it, on the raw Netty handler that serves it beside
 * Micronaut on the HTTP port: the handshake on both paths, refusal, bad frames of every kind
 * (each ends or spares only its own stream), ping, plain HTTP on the same paths and connections,
 * and the REST API and console socket next to it.
 */
@MicronautTest(transactional = false)
class MediaStreamSocketTest extends TelephonyTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CALLER_AUDIO = Base64.getEncoder().encodeToString(new byte[160]);
    private static final String MODEL_AUDIO = Base64.getEncoder().encodeToString(new byte[800]);

    record Live(Ticket ticket, FakeTwilioCaller caller, FakeRealtimeServer.Connection model) {
    }

    private Live live(Tenant tenant, String path) {
        String scenario = "custom-" + UUID.randomUUID();
        Ticket ticket = inboundCall(tenant, scenario);
        FakeTwilioCaller caller = FakeTwilioCaller.connect(rawHttp, mediaStreamUri(path), "MZ" + UUID.randomUUID().toString().replace("-", ""))
                .start(ticket.callSid(), Long.toString(ticket.callId()), ticket.token());
        return new Live(ticket, caller, modelOf(tenant, scenario));
    }

    private FakeRealtimeServer.Connection modelOf(Tenant tenant, String scenario) {
        String marker = "You are the " + scenario + " assistant of tenant " + tenant.id() + ".";
        FakeRealtimeServer.Connection[] found = new FakeRealtimeServer.Connection[1];
        until(WAIT, () -> {
            found[0] = openai.connections().stream().filter(c -> c.received().stream().anyMatch(m -> m.contains(marker)))
                    .findFirst().orElse(null);
            return found[0] != null;
        }, "the model connection of " + scenario);
        return found[0];
    }

    private static String delta(String audio) {
        return "{\"type\":\"response.output_audio.delta\",\"event_id\":\"e\",\"response_id\":\"resp_1\",\"item_id\":\"item_1\","
                + "\"output_index\":0,\"content_index\":0,\"delta\":\"" + audio + "\"}";
    }

    /** Audio goes both ways on a live call. */
    private static void assertFlowing(Live call, long timestampMs) {
        call.caller().media(CALLER_AUDIO, timestampMs);
        assertThat(call.model().awaitMessage("input_audio_buffer.append", WAIT)).contains(CALLER_AUDIO);
        call.model().send(delta(MODEL_AUDIO));
        assertThat(call.caller().await("media", WAIT)).contains("\"payload\":\"" + MODEL_AUDIO + "\"");
    }

    @Test
    void bothPathsHandshakeAndCarryACallUntilTheStopFrame() {
        Tenant ann = newTenant();
        for (String path : new String[]{"/media-stream", "/media-stream/sales", "/media-stream?from=twilio", "/media-stream/sales?x=1"}) {
            Live call = live(ann, path);
            call.model().send(delta(MODEL_AUDIO));
            String media = call.caller().await("media", WAIT);
            assertThat(media).as(path).isNotNull()
                    .startsWith("{\"event\":\"media\",\"streamSid\":\"MZ").endsWith("\",\"media\":{\"payload\":\"" + MODEL_AUDIO + "\"}}");
            call.caller().media(CALLER_AUDIO, 20);
            assertThat(call.model().awaitMessage("input_audio_buffer.append", WAIT)).as(path).contains(CALLER_AUDIO);
            call.caller().stop(call.ticket().callSid());
            assertThat(call.caller().awaitCloseCode(WAIT)).as(path).isEqualTo(1000);
            until(WAIT, () -> !call.model().isOpen(), "the model socket of " + path + " to close");
        }
        until(WAIT, () -> monitor.stats().active() == 0, "no live call left");
    }

    @Test
    void streamsWithoutAValidTokenAreClosedWithPolicyViolationBeforeAnyModelConnection() {
        Tenant ann = newTenant();
        int before = openai.handshakes();
        Ticket ticket = inboundCall(ann, "default");

        FakeTwilioCaller wrong = caller().start(ticket.callSid(), Long.toString(ticket.callId()), "not-the-token");
        assertThat(wrong.awaitCloseCode(WAIT)).isEqualTo(1008);
        FakeTwilioCaller none = caller().start(ticket.callSid(), Long.toString(ticket.callId()), null);
        assertThat(none.awaitCloseCode(WAIT)).isEqualTo(1008);
        FakeTwilioCaller noStart = caller();
        for (int i = 0; i < 11; i++) noStart.raw("{\"event\":\"media\",\"media\":{\"payload\":\"" + CALLER_AUDIO + "\"}}");
        assertThat(noStart.awaitCloseCode(WAIT)).as("eleven frames and no start").isEqualTo(1008);
        FakeTwilioCaller unreadable = caller();
        unreadable.raw("{\"event\":\"start\",\"start\":[1,2");
        assertThat(unreadable.awaitCloseCode(WAIT)).isEqualTo(1008);
        assertThat(openai.handshakes()).isEqualTo(before);

        // the ticket is still good after all that
        FakeTwilioCaller good = caller().start(ticket.callSid(), Long.toString(ticket.callId()), ticket.token());
        assertThat(modelOf(ann, "default")).isNotNull();
        good.stop(ticket.callSid());
        assertThat(good.awaitCloseCode(WAIT)).isEqualTo(1000);
    }

    @Test
    void garbageTextAndBinaryFramesAreCountedAndSkippedWhileTheCallGoesOn() {
        Tenant ann = newTenant();
        String scenario = "custom-" + UUID.randomUUID();
        Ticket ticket = inboundCall(ann, scenario);
        var before = monitor.stats();
        FakeTwilioCaller caller = caller().start(ticket.callSid(), Long.toString(ticket.callId()), ticket.token());
        caller.binary(new byte[]{1, 2, 3}); // while the token is redeemed, or just after: malformed either way
        FakeRealtimeServer.Connection model = modelOf(ann, scenario);
        Live call = new Live(ticket, caller, model);
        caller.raw("{\"event\":");
        caller.binary(("{\"event\":\"media\",\"media\":{\"payload\":\"" + CALLER_AUDIO + "\"}}").getBytes(StandardCharsets.UTF_8));
        caller.raw("{\"event\":\"media\",\"media\":{\"timestamp\":\"5\"}}");
        caller.raw("{\"event\":\"mark\"}");
        assertFlowing(call, 40);
        // a message in fragments is one frame to the stream
        String fragmented = "{\"event\":\"media\",\"streamSid\":\"MZ1\",\"media\":{\"timestamp\":\"60\",\"payload\":\"" + CALLER_AUDIO + "\"}}";
        caller.fragments(fragmented.substring(0, 20), fragmented.substring(20, 70), fragmented.substring(70));
        until(WAIT, () -> model.received("input_audio_buffer.append").size() == 2, "the fragmented frame's audio");
        var after = monitor.stats();
        assertThat(after.malformedCarrierFrames() - before.malformedCarrierFrames()).isEqualTo(5);
        assertThat(caller.isClosed()).isFalse();
        caller.stop(ticket.callSid());
        assertThat(caller.awaitCloseCode(WAIT)).isEqualTo(1000);
    }

    @Test
    void anOversizeFrameEndsOnlyItsOwnStreamAndCall() {
        Tenant ann = newTenant();
        Live big = live(ann, "/media-stream");
        Live bystander = live(ann, "/media-stream");
        assertFlowing(bystander, 20);

        big.caller().raw("{\"event\":\"media\",\"media\":{\"payload\":\"" + "A".repeat(70_000) + "\"}}");
        assertThat(big.caller().awaitCloseCode(WAIT)).as("1009: message too big").isEqualTo(1009);
        until(WAIT, () -> !big.model().isOpen(), "the oversize stream's call to end");
        assertFlowing(bystander, 40);

        // fragments adding up to more than 64 KiB are refused the same way
        Live fragmented = live(ann, "/media-stream");
        fragmented.caller().fragments("{\"event\":\"media\",\"media\":{\"payload\":\"" + "A".repeat(40_000), "A".repeat(40_000) + "\"}}");
        assertThat(fragmented.caller().awaitCloseCode(WAIT)).isEqualTo(1009);
        until(WAIT, () -> !fragmented.model().isOpen(), "the fragmented stream's call to end");
        assertFlowing(bystander, 60);

        bystander.caller().stop(bystander.ticket().callSid());
        until(WAIT, () -> monitor.stats().active() == 0, "no live call left");
    }

    @Test
    void pingIsAnsweredWithPongBeforeAndDuringTheCall() {
        FakeTwilioCaller early = caller();
        early.ping(new byte[]{7, 8, 9});
        assertThat(early.awaitPong(WAIT)).containsExactly(7, 8, 9);
        early.close();

        Live call = live(newTenant(), "/media-stream");
        call.caller().ping("are you there".getBytes(StandardCharsets.US_ASCII));
        assertThat(call.caller().awaitPong(WAIT)).asString(StandardCharsets.US_ASCII).isEqualTo("are you there");
        assertFlowing(call, 20);
        call.caller().close();
        until(WAIT, () -> !call.model().isOpen(), "the model socket to close when the caller drops");
    }

    @Test
    void plainHttpOnTheMediaStreamPathsIs426InTheProblemShape() {
        for (String path : new String[]{"/media-stream", "/media-stream/sales"}) {
            HttpJson.Reply reply = http.get(path, null);
            assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(426);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.header("Upgrade")).isEqualTo("websocket");
            assertThat(reply.map()).containsEntry("status_code", 426).containsKey("detail");
        }
        assertThat(http.get("/media-stream/sales/more", null).status()).as("one segment only").isBetween(400, 404);
    }

    @Test
    void oneKeepAliveConnectionServesHttpThenUpgrades() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("GET /media-stream HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Head plain = readHead(in);
            assertThat(plain.status()).isEqualTo(426);
            in.readNBytes(Integer.parseInt(plain.headers().get("content-length")));

            out.write(("GET /media-stream/sales?from=test HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Head upgraded = readHead(in);
            assertThat(upgraded.status()).isEqualTo(101);
            // RFC 6455, section 1.3: the sample nonce and its accept value
            assertThat(upgraded.headers()).containsEntry("sec-websocket-accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
                    .doesNotContainKey("sec-websocket-extensions").doesNotContainKey("sec-websocket-protocol");

            out.write(maskedFrame(0x9, new byte[]{42}));
            assertThat(in.readNBytes(3)).containsExactly(0x8A, 1, 42);
            out.write(maskedFrame(0x8, new byte[]{0x03, (byte) 0xE8}));
            assertThat(in.readNBytes(4)).as("the close echoed").containsExactly(0x88, 2, 0x03, 0xE8);
            assertThat(in.read()).as("then the connection closes").isEqualTo(-1);
        }
    }

    @Test
    void anUpgradeWithoutAKeyIs400AndTheConnectionCloses() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /media-stream HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Head head = readHead(socket.getInputStream());
            assertThat(head.status()).isEqualTo(400);
            String body = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(body).contains("\"status_code\":400").contains("\"detail\"");
        }
    }

    @Test
    void theRestApiAndTheConsoleSocketWorkBesideALiveCall() throws Exception {
        Tenant ann = newTenant();
        Live call = live(ann, "/media-stream");
        HttpJson.Reply me = http.get("/users/me", ann.accessToken());
        assertThat(me.status()).isEqualTo(200);
        assertThat(http.get("/users/me", null).status()).isEqualTo(401);
        try (ConsoleClient console = new ConsoleClient(server.getURI(), "?token=" + ann.accessToken()
                + "&call_id=&language=auto&model=nova-2&client_type=telephony", json)) {
            console.send("{\"type\":\"ping\"}");
            assertThat(console.next()).isEqualTo(Map.of("type", "pong"));
        }
        assertFlowing(call, 20);
        call.caller().stop(call.ticket().callSid());
        until(WAIT, () -> !call.model().isOpen(), "the model socket to close");
    }

    record Head(int status, Map<String, String> headers) {
    }

    private static Head readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) throw new IOException("connection closed in the response head: " + head);
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
        Map<String, String> headers = new java.util.HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Head(Integer.parseInt(lines[0].split(" ")[1]), headers);
    }

    /** A final client frame (masked, as clients must) of a short payload. */
    private static byte[] maskedFrame(int opcode, byte[] payload) {
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) (0x80 | opcode);
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        return frame;
    }
}

package dev.parley.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.adapter.out.openai.testing.FakeRealtimeServer;
import dev.parley.adapter.out.openai.testing.OpenAiRealtimeCallsStub;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server wired to the OpenAI stand-ins browser sessions talk to: the REST side ({@code /realtime/client_secrets},
 * {@code /realtime/calls}) and the Realtime socket the server's sidebands open. Every log line of a test is captured,
 * and after each test none may name the server's key, nor be a server fault.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserRealtimeTestSupport implements TestPropertyProvider {
    static final String KEY = "sk-server-only-" + UUID.randomUUID();
    static final String OFFER = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
            + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=rtpmap:111 opus/48000/2\r\na=sendrecv\r\n";
    final OpenAiRealtimeCallsStub openAi = new OpenAiRealtimeCallsStub(KEY);
    /** Where signalled calls' sidebands go. */
    final FakeRealtimeServer realtime = new FakeRealtimeServer();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    HttpJson http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("parley.openai.base-url", openAi.baseUrl(), "parley.openai.api-key", KEY,
                "parley.openai.realtime-url", realtime.url(), "parley.rate-limit.realtime-session-per-minute", "1000");
    }

    @AfterAll
    void stopStandIns() {
        openAi.close();
        realtime.close();
    }

    @BeforeEach
    void captureLog() {
        http = new HttpJson(server, json);
        log.list.clear();
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        log.stop();
        assertThat(log.list).as("log lines naming the server's key")
                .noneMatch(e -> e.getFormattedMessage().contains(KEY) || String.valueOf(e.getThrowableProxy()).contains(KEY));
        assertThat(log.list).as("no server fault").noneMatch(e -> e.getFormattedMessage().startsWith("Server fault"));
    }

    /** A new account's access token; its email starts with {@code prefix}. */
    String newUser(String prefix) {
        return (String) http.newUser(prefix + UUID.randomUUID() + "@example.com").get("access_token");
    }
}

package dev.parley.bootstrap.caller;

import dev.parley.domain.call.MuLaw;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole call with no keys: the command-line caller against the real server (HTTP API, media-stream
 * socket, live call bridge, simulated assistant, journal, database). The caller speaks an espeak-ng
 * WAV; the assistant answers with its clips and ends the call with end_call.
 */
@MicronautTest(transactional = false)
@Property(name = "parley.conversation.model", value = "simulated")
@Property(name = "parley.simulated.no-answer", value = "3s") // the caller answers 0.8 s after the greeting, well inside this
class SimulatedCallEndToEndTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @TempDir
    Path dir;

    static byte[] clip(String name) throws IOException {
        try (InputStream in = SimulatedCallEndToEndTest.class.getResourceAsStream("/dev/parley/adapter/out/simulated/" + name + ".ulaw")) {
            return in.readAllBytes();
        }
    }

    /** As the recording keeps it: through 16-bit PCM and back (μ-law has two zeros, and the round trip keeps one). */
    static byte[] normalised(byte[] mulaw) {
        byte[] n = new byte[mulaw.length];
        for (int i = 0; i < n.length; i++) n[i] = MuLaw.encode(MuLaw.decode(mulaw[i]));
        return n;
    }

    /** Without μ-law silence (0xFF, 0x7F after normalising). */
    static byte[] audible(byte[] mulaw) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte b : mulaw) if (b != (byte) 0xFF && b != (byte) 0x7F) out.write(b);
        return out.toByteArray();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    @Test
    void theCommandLineCallerHoldsAWholeCallThatTheAssistantEnds() throws Exception {
        String email = "caller-" + UUID.randomUUID() + "@example.com";
        register(email);
        Path wav = Path.of(getClass().getResource("/audio/caller.wav").toURI());
        Path recording = dir.resolve("call.wav");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        var options = new SimulatedCaller.Options(base(), "sales", wav, recording, Duration.ofSeconds(60), email, "secure_password");

        SimulatedCaller.Result result = new SimulatedCaller(json, new PrintStream(printed, true, StandardCharsets.UTF_8)).call(options);

        assertThat(result.hungUpByServer()).as("end_call hung up before the caller's time ran out").isTrue();
        assertThat(result.status()).isEqualTo("completed");
        assertThat(result.endReason()).isEqualTo("ended-by-assistant");
        assertThat(result.transcript()).contains(
                "assistant: Hello! This is the Parley simulated assistant. This call needs no API keys.",
                "assistant: Do you have a moment to tell me what you need today?",
                "assistant: Thank you, that is all I wanted to know. Goodbye!");
        assertThat(result.transcript()).anyMatch(line -> line.matches("caller: \\[caller spoke for [23]\\.\\d s]"));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Transcript:").contains("completed (ended-by-assistant)");

        // the recording's assistant channel holds every clip, whole and in order, as the caller heard it
        // (a loaded machine may deliver a frame late, and the phone then plays 20 ms of silence inside a clip: silence is left out)
        byte[] heard = audible(normalised(PhoneAudio.assistantChannel(recording)));
        int at = 0;
        for (String name : new String[]{"greeting", "question", "goodbye"}) {
            byte[] clip = audible(normalised(clip(name)));
            int found = indexOf(Arrays.copyOfRange(heard, at, heard.length), clip);
            assertThat(found).as(name + " in the recording").isNotNegative();
            at += found + clip.length;
        }
        // and the caller channel holds what the caller said
        assertThat(indexOf(normalised(result.callerAudio()), normalised(PhoneAudio.readAsMuLaw(wav)))).isPositive();
    }

    @Test
    void anUnknownScenarioIsA404AndNoCall() throws Exception {
        String email = "caller-" + UUID.randomUUID() + "@example.com";
        register(email);
        var options = new SimulatedCaller.Options(base(), "no-such-scenario", null, null, Duration.ofSeconds(5), email,
                "secure_password");
        var caller = new SimulatedCaller(json, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> caller.call(options))
                .hasMessageContaining("/api/simulated-calls answered 404");
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getPort());
    }

    private void register(String email) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/auth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"secure_password\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
    }
}

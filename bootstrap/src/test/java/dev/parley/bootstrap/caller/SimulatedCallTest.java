package dev.parley.bootstrap.caller;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole call with no keys (issue 22): the command-line caller signs up, starts a simulated call,
 * opens the media stream with Twilio's protocol against the real server, speaks (a tone stands in for a
 * voice) and records both sides; the simulated assistant greets, asks, says goodbye and ends the call
 * with {@code end_call}. Nothing here is a mock: the bridge, the journal and the call record are the real ones.
 */
@MicronautTest(transactional = false)
@DisabledIfSystemProperty(named = "parley.test.database", matches = "postgresql",
        disabledReason = "a simulated call runs no SQL of its own; the H2 run covers it, the call and transcript stores have their own PostgreSQL tests")
@Property(name = "parley.conversation.model", value = "simulated")
@Property(name = "parley.simulated.no-answer", value = "2s")
class SimulatedCallTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void theCommandLineCallerHoldsAWholeCallWithTheSimulatedAssistant(@TempDir Path dir) throws Exception {
        Path voice = dir.resolve("caller.wav");
        writeCallerWav(voice);
        Path recording = dir.resolve("call.wav");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SimulatedCaller caller = new SimulatedCaller(json, new PrintStream(printed, true, StandardCharsets.UTF_8));

        SimulatedCaller.Result result = caller.call(new SimulatedCaller.Options(server.getURI(), "sales", voice, recording,
                Duration.ofSeconds(60), "", ""));

        assertThat(result.status()).isEqualTo("completed");
        assertThat(result.hungUpByServer()).as("the assistant ended the call with end_call").isTrue();
        assertThat(result.transcript()).anyMatch(line -> line.startsWith("assistant: "));
        assertThat(result.transcript()).as("the caller's tone was heard as speech").anyMatch(line -> line.startsWith("caller: [caller spoke for"));
        // the assistant's clips came back as audio: seconds of it, and not silence
        assertThat(result.assistantAudio().length).isGreaterThan(8_000 * 3);
        long loud = 0;
        for (byte b : result.assistantAudio()) if ((b & 0x7F) < 0x60) loud++;
        assertThat(loud).as("assistant samples above a whisper").isGreaterThan(8_000);
        assertThat(Files.size(recording)).isGreaterThan(44 + 4L * result.assistantAudio().length - 1);
        assertThat(PhoneAudio.assistantChannel(recording)).hasSize(result.assistantAudio().length);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Transcript:", "completed");
    }

    /**
     * What the caller says, played once the assistant has asked and paused: a short silence, a 1.5 s 440 Hz tone,
     * then silence (16-bit PCM, 8 kHz, mono).
     */
    private static void writeCallerWav(Path wav) throws Exception {
        int rate = 8_000;
        int samples = rate * 4;
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            double t = (double) i / rate;
            double s = t >= 0.2 && t < 1.7 ? 0.4 * Math.sin(2 * Math.PI * 440 * t) : 0;
            pcm.putShort((short) Math.round(s * 32767));
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, samples)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
        }
    }
}

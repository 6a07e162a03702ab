package dev.parley.adapter.out.twilio;

import dev.parley.adapter.out.twilio.testing.IntelligenceJson;
import dev.parley.adapter.out.twilio.testing.IntelligenceJson.SentenceJson;
import dev.parley.adapter.out.twilio.testing.TwilioApiStub;
import dev.parley.application.transcript.port.out.CarrierTranscript;
import dev.parley.application.transcript.port.out.TranscriptionUnavailableException;
import dev.parley.domain.transcript.ChannelRoles;
import dev.parley.domain.call.CallDirection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real SDK over HTTP against the local Twilio stand-in. */
class TwilioCarrierTranscriptsTest {
    static final String GT = "GT" + "1".repeat(32);
    final TwilioApiStub twilio = new TwilioApiStub();
    final TwilioProperties properties = new TwilioProperties("ACtest", "secret-token", "+15550001", twilio.baseUrl());
    final TwilioCarrierTranscripts transcripts = new TwilioCarrierTranscripts(new TwilioClientFactory().twilioRestClient(properties),
            properties);

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void aRecordingTranscriptIsRequestedWithServiceChannelsAndCallKey() {
        twilio.on("POST", "/v2/Transcripts", 202, IntelligenceJson.transcript(GT, "GAsvc", "queued", "CA1", "CA1", 0));

        String sid = transcripts.createFromRecording("GAsvc", "RE123", ChannelRoles.forDirection(CallDirection.INBOUND), "CA1");

        assertThat(sid).isEqualTo(GT);
        TwilioApiStub.Recorded sent = twilio.requests("POST", "/v2/Transcripts").getFirst();
        assertThat(sent.formValue("ServiceSid")).isEqualTo("GAsvc");
        assertThat(sent.formValue("CustomerKey")).isEqualTo("CA1");
        assertThat(sent.formValue("Channel")).isEqualTo("{\"media_properties\":{\"source_sid\":\"RE123\"},\"participants\":["
                + "{\"channel_participant\":2,\"role\":\"Agent\",\"full_name\":\"AI Agent\"},"
                + "{\"channel_participant\":1,\"role\":\"Customer\",\"full_name\":\"Customer\"}]}");
    }

    @Test
    void aCompletedTranscriptIsFetchedWithAllItsSentences() {
        twilio.on("GET", "/v2/Transcripts/" + GT, 200, IntelligenceJson.transcript(GT, "GAsvc", "completed", "CAkey", "CAcall", 42));
        twilio.on("GET", "/v2/Transcripts/" + GT + "/Sentences", 200, IntelligenceJson.sentences(GT, List.of(
                new SentenceJson(1, 0, "Hello there.", "0.5", "1.75", "0.91"),
                new SentenceJson(2, 1, "Hi.", "2.0", "2.5", "0.8"))));

        CarrierTranscript t = transcripts.fetch(GT).orElseThrow();

        assertThat(t.status()).isEqualTo("completed");
        assertThat(t.durationSeconds()).isEqualTo(42);
        assertThat(t.dateCreated()).isEqualTo("2026-03-01T11:00:00Z");
        assertThat(t.callSid()).isEqualTo("CAcall");
        assertThat(t.customerKey()).isEqualTo("CAkey");
        assertThat(t.sentences()).hasSize(2);
        assertThat(t.sentences().getFirst().transcript()).isEqualTo("Hello there.");
        assertThat(t.sentences().getFirst().startTime()).isEqualTo("0.5");
        assertThat(t.sentences().getFirst().words().getFirst().word()).isEqualTo("Hello");
        TwilioApiStub.Recorded sentencesRequest = twilio.requests("GET", "/v2/Transcripts/" + GT + "/Sentences").getFirst();
        assertThat(sentencesRequest.query()).containsEntry("Redacted", "false").containsEntry("WordTimestamps", "true");
    }

    @Test
    void anUnknownTranscriptIsEmptyAndTwilioFailuresAreUnavailable() {
        assertThat(transcripts.fetch(GT)).isEmpty();
        twilio.on("GET", "/v2/Transcripts/" + GT, 500, TwilioApiStub.error(500, 20500, "Internal"));
        assertThatThrownBy(() -> transcripts.fetch(GT)).isInstanceOf(TranscriptionUnavailableException.class);
        transcripts.delete(GT); // already gone (404) is fine
        TwilioProperties none = new TwilioProperties("", "", "", twilio.baseUrl());
        assertThatThrownBy(() -> new TwilioCarrierTranscripts(new TwilioClientFactory().twilioRestClient(none), none).fetch(GT))
                .isInstanceOfSatisfying(TranscriptionUnavailableException.class, e -> assertThat(e.isNotConfigured()).isTrue());
    }
}

package dev.parley.bootstrap;

import dev.parley.adapter.out.openai.testing.FakeRealtimeServer;
import dev.parley.adapter.out.twilio.testing.IntelligenceJson;
import dev.parley.adapter.out.twilio.testing.IntelligenceJson.SentenceJson;
import dev.parley.application.call.port.in.FindCallUseCase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.parley.adapter.out.openai.testing.Eventually.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls bridged live in the transcript list and its search, end to end over HTTP on H2 and
 * PostgreSQL: a fake Twilio caller and a fake OpenAI Realtime server drive the real bridge, the
 * journal stores the lines, and {@code GET /api/enhanced-transcripts/} lists the call while it is
 * still going on, with each new line; a Voice Intelligence transcript of the same call (from the
 * Twilio stand-in) then takes its place.
 */
@MicronautTest(transactional = false)
class LiveTranscriptListTest extends TelephonyTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SERVICE = "GA" + "7".repeat(32);

    @Inject
    FindCallUseCase findCall;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("parley.voice-intelligence.enabled", "true");
        properties.put("parley.voice-intelligence.service-sid", SERVICE);
        return properties;
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

    private void callerSays(FakeRealtimeServer.Connection model, String item, String text) {
        model.send("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"event_id\":\"e\",\"item_id\":\"" + item + "\","
                + "\"content_index\":0,\"transcript\":\"" + text + "\"}");
    }

    private void assistantSays(FakeRealtimeServer.Connection model, String item, String text) {
        model.send("{\"type\":\"response.output_audio_transcript.done\",\"event_id\":\"e\",\"item_id\":\"" + item + "\",\"transcript\":\""
                + text + "\"}");
    }

    private void linesStored(Tenant tenant, String callSid, int count) {
        until(WAIT, () -> {
            journal.flush(WAIT);
            return findCall.transcript(tenant.id(), callSid).size() == count;
        }, count + " lines of " + callSid);
    }

    private HttpJson.Reply list(Tenant tenant, String query) {
        HttpJson.Reply reply = http.get("/api/enhanced-transcripts/" + query, tenant.accessToken());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    @Test
    void aBridgedCallIsListedAndFoundWhileItGoesOnThenItsIntelligenceTranscriptTakesItsPlace() {
        Tenant ann = newTenant(), bob = newTenant();
        String scenario = "custom-" + UUID.randomUUID();
        Ticket ticket = inboundCall(ann, scenario);
        FakeTwilioCaller caller = caller().start(ticket.callSid(), Long.toString(ticket.callId()), ticket.token());
        FakeRealtimeServer.Connection model = modelOf(ann, scenario);
        String callSid = ticket.callSid();

        callerSays(model, "item_u1", "I need to move my dental appointment.");
        assistantSays(model, "item_a1", "Of course. Which day suits you?");
        linesStored(ann, callSid, 2);

        HttpJson.Reply first = list(ann, "");
        assertThat(first.header("X-Total-Count")).isEqualTo("1");
        assertThat(first.list()).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("transcript_sid", callSid).containsEntry("source", "live")
                    .containsEntry("call_direction", "inbound").containsEntry("scenario_name", scenario)
                    .containsEntry("participant_count", 2).containsEntry("conversation_turns", 2).containsEntry("total_words", 13)
                    .containsKeys("id", "call_date", "duration", "summary");
            assertThat(item.get("summary").toString()).contains("Customer").contains("AI Agent");
        });
        assertThat(list(ann, "?q=dental%20appointment").list()).extracting(i -> i.get("transcript_sid")).containsExactly(callSid);
        assertThat(list(ann, "?q=invoice").list()).isEmpty();
        assertThat(list(ann, "?call_direction=inbound&scenario_name=" + scenario).list()).hasSize(1);
        assertThat(list(ann, "?call_direction=outbound").list()).isEmpty();
        assertThat(list(bob, "").list()).isEmpty();
        assertThat(list(bob, "?q=dental").list()).isEmpty();
        assertThat(list(bob, "").header("X-Total-Count")).isEqualTo("0");

        // the call goes on: a line captured after the read is on the next read
        callerSays(model, "item_u2", "Friday morning would be perfect.");
        linesStored(ann, callSid, 3);
        assertThat(list(ann, "?q=friday").list()).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("transcript_sid", callSid).containsEntry("total_words", 18).containsEntry("source", "live"));
        assertThat(http.get("/api/enhanced-transcripts/" + callSid, ann.accessToken()).body()).contains("Friday morning would be perfect.");

        caller.stop(callSid);
        until(WAIT, () -> !model.isOpen(), "the model socket to close");
        caller.close();

        // Voice Intelligence transcribes the same call: one entry, the Intelligence one
        String transcriptSid = "GT" + UUID.randomUUID().toString().replace("-", "");
        twilio.on("GET", "/v2/Transcripts/" + transcriptSid, 200,
                IntelligenceJson.transcript(transcriptSid, SERVICE, "completed", callSid, callSid, 9));
        twilio.on("GET", "/v2/Transcripts/" + transcriptSid + "/Sentences", 200, IntelligenceJson.sentences(transcriptSid, List.of(
                new SentenceJson(1, 0, "I need to move my dental appointment.", "0.0", "2.0", "0.9"),
                new SentenceJson(2, 1, "Of course, which day suits you?", "2.5", "4.0", "0.95"))));
        HttpJson.Reply stored = http.postJson("/store-transcript/" + transcriptSid, "{}", ann.accessToken());
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);

        HttpJson.Reply after = list(ann, "");
        assertThat(after.header("X-Total-Count")).isEqualTo("1");
        assertThat(after.list()).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("transcript_sid", transcriptSid).containsEntry("source", "intelligence"));
        assertThat(list(ann, "?q=dental").list()).extracting(i -> i.get("transcript_sid")).containsExactly(transcriptSid);
        assertThat(list(ann, "?q=friday").list()).isEmpty();
    }
}

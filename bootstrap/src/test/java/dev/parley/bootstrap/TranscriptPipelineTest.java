package dev.parley.bootstrap;

import dev.parley.adapter.out.openai.testing.OpenAiTranscriptionStub;
import dev.parley.adapter.out.twilio.testing.IntelligenceJson;
import dev.parley.adapter.out.twilio.testing.IntelligenceJson.SentenceJson;
import dev.parley.adapter.out.twilio.testing.TwilioApiStub;
import dev.parley.application.call.port.in.CallSummary;
import dev.parley.application.call.port.in.CallTranscriptLine;
import dev.parley.domain.shared.TenantId;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transcript pipeline end to end over HTTP, on H2 and PostgreSQL: signed recording callback →
 * Voice Intelligence transcript created on the Twilio stand-in (the real SDK over HTTP) → signed
 * completion webhook → transcript and sentences fetched → stored raw and enhanced → every endpoint,
 * with forged webhooks, retries and tenant isolation. Audio upload against the OpenAI stand-in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscriptPipelineTest implements TestPropertyProvider {
    static final String AUTH_TOKEN = "test-auth-token-for-signatures";
    static final String PUBLIC = "https://parley.example";
    static final String SERVICE = "GA" + "5".repeat(32);
    final TwilioApiStub twilio = new TwilioApiStub();
    final OpenAiTranscriptionStub openAi = new OpenAiTranscriptionStub().acceptingKey("sk-test");
    final TwilioSigner signer = new TwilioSigner(AUTH_TOKEN);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TestCalls.Registry calls;
    HttpJson http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("parley.twilio.account-sid", "ACtest", "parley.twilio.auth-token", AUTH_TOKEN,
                "parley.twilio.api-base-url", twilio.baseUrl(), "parley.public-url", PUBLIC,
                "parley.voice-intelligence.enabled", "true", "parley.voice-intelligence.service-sid", SERVICE,
                "parley.openai.api-key", "sk-test", "parley.openai.base-url", openAi.baseUrl(), "parley.test.call-stand-ins", "true");
    }

    @AfterAll
    void stop() {
        twilio.close();
        openAi.close();
    }

    @BeforeEach
    void client() {
        http = new HttpJson(server, json);
    }

    record Tenant(TenantId id, String token) {
    }

    Tenant tenant() {
        String token = (String) http.newUser("t-" + UUID.randomUUID() + "@example.com").get("access_token");
        long id = ((Number) http.get("/users/me", token).map().get("id")).longValue();
        return new Tenant(new TenantId(id), token);
    }

    static String sid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    HttpJson.Reply signedForm(String path, Map<String, String> params, String signature) {
        return http.send(http.request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.form(params))));
    }

    HttpJson.Reply recordingCallback(String callSid, String recordingSid) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", "ACtest");
        params.put("CallSid", callSid);
        params.put("RecordingSid", recordingSid);
        params.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/ACtest/Recordings/" + recordingSid);
        params.put("RecordingStatus", "completed");
        params.put("RecordingDuration", "9");
        params.put("RecordingChannels", "2");
        params.put("RecordingSource", "StartCallRecordingAPI");
        return signedForm("/recording-callback", params, signer.sign(PUBLIC + "/recording-callback", params));
    }

    HttpJson.Reply completionWebhook(String transcriptSid) {
        String body = "{\"account_sid\":\"ACtest\",\"service_sid\":\"" + SERVICE + "\",\"transcript_sid\":\"" + transcriptSid
                + "\",\"customer_key\":\"x\",\"event_type\":\"voice_intelligence_transcript_available\"}";
        String query = "?bodySHA256=" + TwilioSigner.sha256Hex(body);
        String signature = signer.sign(PUBLIC + "/twilio-transcripts/webhook-callback" + query, Map.of());
        return http.send(http.request("/twilio-transcripts/webhook-callback" + query, null).header("Content-Type", "application/json")
                .header("X-Twilio-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The hand-computed example: an inbound call, so the customer is channel 1 and the agent channel 2. */
    void twilioHasCompletedTranscript(String transcriptSid, String callSid) {
        twilio.on("GET", "/v2/Transcripts/" + transcriptSid, 200,
                IntelligenceJson.transcript(transcriptSid, SERVICE, "completed", callSid, callSid, 9));
        twilio.on("GET", "/v2/Transcripts/" + transcriptSid + "/Sentences", 200, IntelligenceJson.sentences(transcriptSid, List.of(
                new SentenceJson(2, 0, "Thanks for calling Acme, how can I help?", "0.0", "2.5", "0.95"),  // 8 words, 2.50 s
                new SentenceJson(1, 1, "I need to move my dental appointment.", "3.0", "5.25", "0.85"),    // 7 words, 2.25 s
                new SentenceJson(2, 2, "Sure, what day works?", "5.5", "6.75", "0.9"),                   // 4 words, 1.25 s
                new SentenceJson(1, 3, "Friday morning.", "7.0", "8.0", "0.7"))));                        // 2 words, 1.00 s
    }

    List<TwilioApiStub.Recorded> creationsFor(String callSid) {
        return twilio.requests("POST", "/v2/Transcripts").stream().filter(r -> callSid.equals(r.formValue("CustomerKey"))).toList();
    }

    CallSummary inboundCall(Tenant owner, String callSid) {
        CallSummary call = new CallSummary(owner.id(), 1, callSid, "inbound", "support", "completed",
                Instant.parse("2026-03-01T10:59:00Z"), 9);
        calls.add(call, List.of());
        return call;
    }

    @Test
    void aRecordedCallBecomesAStoredAndEnhancedTranscriptOnceAndOnlyForItsTenant() {
        Tenant alice = tenant(), bob = tenant();
        String callSid = sid("CA"), recordingSid = sid("RE"), transcriptSid = sid("GT");
        inboundCall(alice, callSid);
        twilio.on("POST", "/v2/Transcripts", 202, IntelligenceJson.transcript(transcriptSid, SERVICE, "queued", callSid, callSid, 0));

        // a forged recording callback changes nothing
        Map<String, String> forged = Map.of("CallSid", callSid, "RecordingSid", recordingSid, "RecordingStatus", "completed");
        assertThat(signedForm("/recording-callback", forged, "bm90IGEgc2lnbmF0dXJl").status()).isEqualTo(403);
        assertThat(creationsFor(callSid)).isEmpty();

        HttpJson.Reply started = recordingCallback(callSid, recordingSid);
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.map()).containsEntry("status", "transcript_requested").containsEntry("transcript_sid", transcriptSid);
        TwilioApiStub.Recorded create = creationsFor(callSid).getFirst();
        assertThat(create.formValue("ServiceSid")).isEqualTo(SERVICE);
        assertThat(create.formValue("CustomerKey")).isEqualTo(callSid);
        assertThat(create.formValue("Channel")).contains("\"source_sid\":\"" + recordingSid + "\"")
                .contains("{\"channel_participant\":2,\"role\":\"Agent\"").contains("{\"channel_participant\":1,\"role\":\"Customer\"");
        // Twilio retries the callback: still one transcript
        assertThat(recordingCallback(callSid, recordingSid).map()).containsEntry("status", "already_requested");
        assertThat(creationsFor(callSid)).hasSize(1);

        twilioHasCompletedTranscript(transcriptSid, callSid);
        // a forged completion webhook stores nothing
        HttpJson.Reply forgedCompletion = http.send(http.request("/twilio-transcripts/webhook-callback", null)
                .header("Content-Type", "application/json").header("X-Twilio-Signature", "AAAA")
                .POST(HttpRequest.BodyPublishers.ofString("{\"transcript_sid\":\"" + transcriptSid + "\"}")));
        assertThat(forgedCompletion.status()).isEqualTo(403);
        assertThat(http.get("/stored-twilio-transcripts", alice.token()).map().get("transcripts")).asList().isEmpty();

        assertThat(completionWebhook(transcriptSid).map()).containsEntry("status", "stored");
        assertThat(completionWebhook(transcriptSid).map()).containsEntry("status", "already_stored");

        // raw, in Twilio's format
        HttpJson.Reply stored = http.get("/stored-twilio-transcripts?page_size=10", alice.token());
        assertThat(stored.status()).isEqualTo(200);
        List<Map<String, Object>> transcripts = (List<Map<String, Object>>) stored.map().get("transcripts");
        assertThat(transcripts).hasSize(1);
        Map<String, Object> raw = transcripts.getFirst();
        assertThat(raw).containsEntry("sid", transcriptSid).containsEntry("status", "completed").containsEntry("duration", 9)
                .containsEntry("language_code", "en-US").containsEntry("date_created", "2026-03-01T11:00:00Z");
        Map<String, Object> firstSentence = ((List<Map<String, Object>>) raw.get("sentences")).getFirst();
        assertThat(firstSentence).containsEntry("text", "Thanks for calling Acme, how can I help?").containsEntry("speaker", 2)
                .containsEntry("media_channel", 2).containsEntry("start_time", 0.0).containsEntry("end_time", 2.5)
                .containsEntry("confidence", 0.95).containsKey("words");
        assertThat(http.get("/stored-twilio-transcripts/" + transcriptSid, alice.token()).map()).containsEntry("sid", transcriptSid);
        assertThat(http.get("/stored-twilio-transcripts/" + transcriptSid, bob.token()).status()).isEqualTo(404);
        assertThat((List<?>) http.get("/stored-twilio-transcripts", bob.token()).map().get("transcripts")).isEmpty();

        // enhanced: the figures of the hand-computed example
        HttpJson.Reply list = http.get("/api/enhanced-transcripts/?skip=0&limit=10", alice.token());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("X-Total-Count")).isEqualTo("1");
        Map<String, Object> item = list.list().getFirst();
        assertThat(item).containsEntry("transcript_sid", transcriptSid).containsEntry("call_direction", "inbound")
                .containsEntry("scenario_name", "support").containsEntry("duration", 9).containsEntry("participant_count", 2)
                .containsEntry("conversation_turns", 4).containsEntry("total_words", 21).containsEntry("call_date", "2026-03-01T11:00:00Z");
        assertThat((Map<String, Object>) item.get("summary")).containsEntry("duration_formatted", "0:09")
                .containsEntry("participant_info", Map.of("1", Map.of("role", "customer", "name", "Customer"),
                        "2", Map.of("role", "agent", "name", "AI Agent")));

        Map<String, Object> detail = http.get("/api/enhanced-transcripts/" + transcriptSid, alice.token()).map();
        assertThat(detail).containsEntry("full_text", "Thanks for calling Acme, how can I help? I need to move my dental appointment. "
                + "Sure, what day works? Friday morning.").containsEntry("call_direction", "inbound").containsEntry("call_sid", callSid);
        Map<String, Map<String, Object>> participants = (Map<String, Map<String, Object>>) detail.get("participant_info");
        assertThat(participants.get("2")).containsEntry("role", "agent").containsEntry("total_speaking_time", 3.75)
                .containsEntry("word_count", 12).containsEntry("sentence_count", 2);
        assertThat(participants.get("1")).containsEntry("role", "customer").containsEntry("total_speaking_time", 3.25)
                .containsEntry("word_count", 9).containsEntry("sentence_count", 2);
        List<Map<String, Object>> flow = (List<Map<String, Object>>) detail.get("conversation_flow");
        assertThat(flow).hasSize(4);
        assertThat(flow.get(1)).containsEntry("sequence", 2).containsEntry("text", "I need to move my dental appointment.")
                .containsEntry("start_time", 3.0).containsEntry("end_time", 5.25).containsEntry("duration", 2.25)
                .containsEntry("confidence", 0.85).containsEntry("word_count", 7)
                .containsEntry("speaker", Map.of("channel", 1, "role", "customer", "name", "Customer"));
        assertThat((Map<String, Object>) detail.get("summary_data")).containsEntry("total_duration_seconds", 9)
                .containsEntry("total_sentences", 4).containsEntry("total_words", 21).containsEntry("participant_count", 2)
                .containsEntry("average_confidence", 0.85);
        assertThat(http.get("/api/enhanced-transcripts/" + transcriptSid, bob.token()).status()).isEqualTo(404);
        assertThat(http.get("/api/enhanced-transcripts/", bob.token()).list()).isEmpty();

        // filters and search, within the tenant
        assertThat(http.get("/api/enhanced-transcripts/?call_direction=outbound", alice.token()).list()).isEmpty();
        assertThat(http.get("/api/enhanced-transcripts/?scenario_name=support", alice.token()).list()).hasSize(1);
        assertThat(http.get("/api/enhanced-transcripts/?q=dental%20appointment", alice.token()).list()).hasSize(1);
        assertThat(http.get("/api/enhanced-transcripts/?q=dental%20appointment", bob.token()).list()).isEmpty();
        assertThat(http.get("/api/enhanced-transcripts/?q=invoice", alice.token()).list()).isEmpty();
        assertThat((List<?>) http.get("/stored-twilio-transcripts?q=friday", alice.token()).map().get("transcripts")).hasSize(1);

        // seed 004: the transcripts I asked Twilio for
        Map<String, Object> requested = http.get("/twilio-transcripts", alice.token()).map();
        assertThat((List<Map<String, Object>>) requested.get("transcripts")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("sid", transcriptSid).containsEntry("recording_sid", recordingSid));
        assertThat(http.get("/twilio-transcripts/" + transcriptSid, alice.token()).map()).containsEntry("status", "completed");
        assertThat(http.get("/twilio-transcripts/" + transcriptSid, bob.token()).status()).isEqualTo(404);
        assertThat(http.delete("/twilio-transcripts/" + transcriptSid, bob.token()).status()).isEqualTo(404);
    }

    @Test
    void aTranscriptOfATenantsCallCanBeStoredAndImportedOnceButNotByAnotherTenant() {
        Tenant alice = tenant(), bob = tenant();
        String callSid = sid("CA"), transcriptSid = sid("GT"), otherSid = sid("GT");
        inboundCall(alice, callSid);
        twilioHasCompletedTranscript(transcriptSid, callSid);
        twilioHasCompletedTranscript(otherSid, callSid);

        assertThat(http.postJson("/store-transcript/" + transcriptSid, "{\"scenario_name\":\"Sales Call\"}", bob.token()).status())
                .isEqualTo(404);
        HttpJson.Reply stored = http.postJson("/store-transcript/" + transcriptSid, "{\"scenario_name\":\"Sales Call\"}", alice.token());
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.map()).containsEntry("already_stored", false).containsEntry("transcript_sid", transcriptSid);
        assertThat(http.postJson("/store-transcript/" + transcriptSid, "{}", alice.token()).map()).containsEntry("already_stored", true);
        assertThat(http.postJson("/store-transcript/" + transcriptSid, "{}", bob.token()).status()).isEqualTo(404);
        assertThat(http.get("/api/enhanced-transcripts/" + transcriptSid, alice.token()).map()).containsEntry("scenario_name", "Sales Call");

        HttpJson.Reply imported = http.postJson("/api/enhanced-transcripts/import/" + otherSid, "{\"call_direction\":\"outbound\"}",
                alice.token());
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.map()).containsEntry("call_direction", "outbound");
        assertThat(((Map<String, Map<String, Object>>) imported.map().get("participant_info")).get("1")).containsEntry("role", "agent");
        assertThat(http.postJson("/store-transcript/" + sid("GT"), "{}", alice.token()).status()).isEqualTo(404);
        assertThat(http.postJson("/store-transcript/not-a-sid!", "{}", alice.token()).status()).isEqualTo(404);
    }

    @Test
    void aMediaUrlTranscriptIsRequestedListedAndDeleted() {
        Tenant alice = tenant(), bob = tenant();
        String transcriptSid = sid("GT");
        twilio.on("POST", "/v2/Transcripts", 202, IntelligenceJson.transcript(transcriptSid, SERVICE, "queued", "", "", 0));
        twilio.on("DELETE", "/v2/Transcripts/" + transcriptSid, 204, null);

        assertThat(http.postJson("/twilio-transcripts/create-with-media-url", "{\"media_url\":\"ftp://x\"}", alice.token()).status())
                .isEqualTo(422);
        assertThat(http.postJson("/twilio-transcripts/create-with-media-url", "{}", alice.token()).status()).isEqualTo(422);
        HttpJson.Reply created = http.postJson("/twilio-transcripts/create-with-media-url",
                "{\"media_url\":\"https://media.example/call.wav\",\"call_direction\":\"inbound\",\"scenario_name\":\"support\"}",
                alice.token());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.map()).containsEntry("sid", transcriptSid).containsEntry("media_url", "https://media.example/call.wav");
        String channel = twilio.requests("POST", "/v2/Transcripts").getLast().formValue("Channel");
        assertThat(channel).contains("\"media_url\":\"https://media.example/call.wav\"").contains("{\"channel_participant\":2,\"role\":\"Agent\"");

        HttpJson.Reply mine = http.get("/twilio-transcripts?page_size=5", alice.token());
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat((List<?>) mine.map().get("transcripts")).hasSize(1);
        assertThat((List<?>) http.get("/twilio-transcripts", bob.token()).map().get("transcripts")).isEmpty();
        assertThat(http.delete("/twilio-transcripts/" + transcriptSid, bob.token()).status()).isEqualTo(404);
        assertThat(http.delete("/twilio-transcripts/" + transcriptSid, alice.token()).status()).isEqualTo(200);
        assertThat(twilio.requests("DELETE", "/v2/Transcripts/" + transcriptSid)).hasSize(1);
        assertThat((List<?>) http.get("/twilio-transcripts", alice.token()).map().get("transcripts")).isEmpty();

        // the completion of a transcript nobody asked for, for no known call, is acknowledged and dropped
        String stray = sid("GT");
        twilio.on("GET", "/v2/Transcripts/" + stray, 200, IntelligenceJson.transcript(stray, SERVICE, "completed", "", "", 3));
        twilio.on("GET", "/v2/Transcripts/" + stray + "/Sentences", 200, IntelligenceJson.sentences(stray, List.of()));
        assertThat(completionWebhook(stray).map()).containsEntry("status", "unknown_transcript");
    }

    @Test
    void concurrentRetriesOfTheCompletionWebhookStoreOnce() throws Exception {
        Tenant alice = tenant();
        String callSid = sid("CA"), transcriptSid = sid("GT");
        inboundCall(alice, callSid);
        twilioHasCompletedTranscript(transcriptSid, callSid);

        List<String> statuses;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var barrier = new java.util.concurrent.CyclicBarrier(4);
            java.util.concurrent.Callable<String> deliver = () -> {
                barrier.await();
                return (String) completionWebhook(transcriptSid).map().get("status");
            };
            statuses = new java.util.ArrayList<>();
            for (var f : pool.invokeAll(List.of(deliver, deliver, deliver, deliver))) statuses.add(f.get());
        }

        assertThat(statuses).containsOnlyOnce("stored").containsOnly("stored", "already_stored");
        assertThat((List<?>) http.get("/stored-twilio-transcripts", alice.token()).map().get("transcripts")).hasSize(1);
        assertThat(http.get("/api/enhanced-transcripts/", alice.token()).list()).hasSize(1);
    }

    @Test
    void aFormEncodedCompletionWebhookIsAcceptedToo() {
        Tenant alice = tenant();
        String callSid = sid("CA"), transcriptSid = sid("GT");
        inboundCall(alice, callSid);
        twilioHasCompletedTranscript(transcriptSid, callSid);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("account_sid", "ACtest");
        params.put("service_sid", SERVICE);
        params.put("transcript_sid", transcriptSid);
        params.put("event_type", "voice_intelligence_transcript_available");
        String path = "/twilio-transcripts/webhook-callback";

        assertThat(signedForm(path, params, signer.sign(PUBLIC + path, Map.of("transcript_sid", transcriptSid))).status()).isEqualTo(403);
        assertThat(http.get("/stored-twilio-transcripts/" + transcriptSid, alice.token()).status()).isEqualTo(404);
        // not asked for by us, but Twilio names the call: the call's tenant gets it
        assertThat(signedForm(path, params, signer.sign(PUBLIC + path, params)).map()).containsEntry("status", "stored");
        assertThat(http.get("/stored-twilio-transcripts/" + transcriptSid, alice.token()).status()).isEqualTo(200);
    }

    @Test
    void aCallBridgedLiveHasAnEnhancedViewFromItsCapturedLines() {
        Tenant alice = tenant(), bob = tenant();
        String callSid = sid("CA");
        calls.add(new CallSummary(alice.id(), 2, callSid, "outbound", "sales", "completed", Instant.parse("2026-03-02T09:00:00Z"), 12),
                List.of(new CallTranscriptLine("agent", "Hi, this is Parley calling for Acme.", 0.5, 3.0, 1.0),
                        new CallTranscriptLine("customer", "Oh hello.", 3.5, 4.5, 0.8)));

        HttpJson.Reply live = http.get("/api/enhanced-transcripts/" + callSid, alice.token());

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.map()).containsEntry("source", "live_call").containsEntry("call_direction", "outbound")
                .containsEntry("scenario_name", "sales").containsEntry("duration", 12);
        assertThat(((Map<String, Map<String, Object>>) live.map().get("participant_info")).get("1"))
                .containsEntry("role", "agent").containsEntry("word_count", 7).containsEntry("total_speaking_time", 2.5);
        assertThat(http.get("/api/enhanced-transcripts/" + callSid, bob.token()).status()).isEqualTo(404);
    }

    @Test
    void badQueriesAreClearClientErrors() {
        Tenant alice = tenant();
        assertThat(http.get("/api/enhanced-transcripts/?skip=-1", alice.token()).status()).isEqualTo(422);
        assertThat(http.get("/api/enhanced-transcripts/?limit=1000", alice.token()).status()).isEqualTo(422);
        assertThat(http.get("/api/enhanced-transcripts/?limit=abc", alice.token()).status()).isEqualTo(400);
        assertThat(http.get("/api/enhanced-transcripts/?call_direction=sideways", alice.token()).status()).isEqualTo(422);
        assertThat(http.get("/api/enhanced-transcripts/?q=" + "x".repeat(300), alice.token()).status()).isEqualTo(422);
        assertThat(http.get("/api/enhanced-transcripts/?q=%27%22%25_%5C", alice.token()).status()).isEqualTo(200);
        assertThat(http.get("/stored-twilio-transcripts?page_size=0", alice.token()).status()).isEqualTo(422);
        assertThat(http.get("/stored-twilio-transcripts?page=-2", alice.token()).status()).isEqualTo(422);
        assertThat(http.get("/api/enhanced-transcripts/", null).status()).isEqualTo(401);
        assertThat(http.postJson("/store-transcript/GT1", "{\"call_direction\":\"up\"}", alice.token()).status()).isEqualTo(422);
        assertThat(signedForm("/recording-callback", Map.of(), "").status()).isEqualTo(403);
    }

    static byte[] multipart(String boundary, String filename, String contentType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nen\r\n--" + boundary
                + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    HttpJson.Reply upload(String token, String filename, String contentType, byte[] content) {
        String boundary = "b" + UUID.randomUUID();
        return http.send(http.request("/whisper/transcribe", token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, filename, contentType, content))));
    }

    @Test
    void anUploadedAudioFileIsTranscribedWithinSizeAndTypeLimits() {
        Tenant alice = tenant();
        openAi.answering("Please call me back tomorrow.");
        byte[] audio = new byte[3 * 1024 * 1024]; // over the 1 MB JSON limit, within the 25 MB upload limit
        audio[0] = 'R';

        HttpJson.Reply transcribed = upload(alice.token(), "voicemail.wav", "audio/wav", audio);

        assertThat(transcribed.status()).isEqualTo(200);
        assertThat(transcribed.map()).containsEntry("text", "Please call me back tomorrow.").containsEntry("filename", "voicemail.wav")
                .containsEntry("size_bytes", audio.length);
        OpenAiTranscriptionStub.Upload sent = openAi.uploads().getLast();
        assertThat(sent.part("file").content()).isEqualTo(audio);
        assertThat(sent.part("model").text()).isEqualTo("whisper-1");
        assertThat(sent.part("language").text()).isEqualTo("en");

        assertThat(upload(alice.token(), "notes.txt", "text/plain", new byte[]{1, 2}).status()).isEqualTo(415);
        assertThat(upload(alice.token(), "empty.mp3", "audio/mpeg", new byte[0]).status()).isEqualTo(422);
        assertThat(upload(alice.token(), "huge.mp3", "audio/mpeg", new byte[25 * 1024 * 1024 + 1]).status()).isEqualTo(413);
        assertThat(upload(null, "voicemail.wav", "audio/wav", new byte[]{1}).status()).isEqualTo(401);
        assertThat(http.postJson("/whisper/transcribe", "{}", alice.token()).status()).isEqualTo(415);
        // the JSON limit elsewhere is unchanged
        assertThat(http.postJson("/auth/login", "{\"email\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}", null).status()).isEqualTo(413);
        openAi.failingWith(500);
        assertThat(upload(alice.token(), "voicemail.wav", "audio/wav", new byte[]{1, 2, 3}).status()).isEqualTo(502);
    }
}

package dev.parley.adapter.in.twilio;

import dev.parley.application.transcript.port.in.StartCarrierTranscriptUseCase;
import dev.parley.application.transcript.port.in.StartCarrierTranscriptUseCase.RecordingCompleted;
import dev.parley.application.transcript.port.in.StartCarrierTranscriptUseCase.RecordingOutcome;
import dev.parley.application.transcript.port.in.StoreCarrierTranscriptUseCase;
import dev.parley.application.transcript.port.in.StoreOutcome;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Twilio's transcript webhooks. {@code /recording-callback}: a call recording finished, so a Voice
 * Intelligence transcript is requested for it. {@code /twilio-transcripts/webhook-callback}: Voice
 * Intelligence finished a transcript (JSON or form body; both seen), so it is fetched and stored.
 * The signature is checked before anything else; a forged request changes nothing (403).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class TranscriptWebhooksController {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptWebhooksController.class);
    private final TwilioWebhookVerifier verifier;
    private final StartCarrierTranscriptUseCase start;
    private final StoreCarrierTranscriptUseCase store;
    private final JsonMapper json;

    TranscriptWebhooksController(TwilioWebhookVerifier verifier, StartCarrierTranscriptUseCase start, StoreCarrierTranscriptUseCase store,
                                 JsonMapper json) {
        this.verifier = verifier;
        this.start = start;
        this.store = store;
        this.json = json;
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record WebhookAnswer(String status, @Nullable String transcriptSid) {
    }

    @Post(value = "/recording-callback", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    HttpResponse<WebhookAnswer> recordingCallback(HttpRequest<?> request, @Nullable @Body String body) {
        Map<String, String> form = form(body);
        verifier.verify(request, form);
        RecordingOutcome outcome = start.recordingCompleted(new RecordingCompleted(form.get("CallSid"), form.get("RecordingSid"),
                form.getOrDefault("RecordingStatus", "completed")));
        return HttpResponse.ok(switch (outcome) {
            case RecordingOutcome.Started started -> new WebhookAnswer("transcript_requested", started.transcriptSid());
            case RecordingOutcome.AlreadyStarted again -> new WebhookAnswer("already_requested", again.transcriptSid());
            case RecordingOutcome.Skipped skipped -> {
                LOG.info("Recording callback: no transcript ({})", skipped.reason());
                yield new WebhookAnswer("skipped", null);
            }
        });
    }

    @Post(value = "/twilio-transcripts/webhook-callback", consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED},
            produces = MediaType.APPLICATION_JSON)
    HttpResponse<WebhookAnswer> transcriptAvailable(HttpRequest<?> request, @Nullable @Body String body) {
        String raw = body == null ? "" : body;
        boolean isJson = request.getContentType().map(t -> t.getSubtype().contains("json")).orElse(raw.strip().startsWith("{"));
        Map<String, String> fields;
        if (isJson) {
            verifier.verifyJsonBody(request, raw);
            fields = jsonFields(raw);
        } else {
            fields = form(raw);
            verifier.verify(request, fields);
        }
        String sid = fields.getOrDefault("transcript_sid", fields.get("TranscriptSid"));
        if (sid == null || sid.isBlank()) return HttpResponse.ok(new WebhookAnswer("ignored", null));
        return HttpResponse.ok(switch (store.transcriptAvailable(sid)) {
            case StoreOutcome.Stored stored -> new WebhookAnswer("stored", stored.transcriptSid());
            case StoreOutcome.AlreadyStored again -> new WebhookAnswer("already_stored", again.transcriptSid());
            case StoreOutcome.NotReady notReady -> new WebhookAnswer("not_ready", notReady.transcriptSid());
            case StoreOutcome.Unknown unknown -> new WebhookAnswer("unknown_transcript", unknown.transcriptSid());
        });
    }

    private Map<String, String> jsonFields(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            Map<?, ?> parsed = json.readValue(raw, Map.class);
            if (parsed != null) parsed.forEach((k, v) -> {
                if (v != null && !(v instanceof Map<?, ?>) && !(v instanceof Iterable<?>)) fields.put(String.valueOf(k), String.valueOf(v));
            });
        } catch (IOException | RuntimeException e) {
            // signed but not a JSON object: nothing to act on
        }
        return fields;
    }

    /** Form fields exactly as sent (first value of a repeated name), for the signature and the handler. */
    static Map<String, String> form(@Nullable String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) return out;
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(k, v);
            } catch (IllegalArgumentException malformed) {
                // a malformed escape: leave the field out, the signature check then fails
            }
        }
        return out;
    }
}

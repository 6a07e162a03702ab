package dev.parley.adapter.out.persistence.events;

import dev.parley.application.call.port.out.CallEvent;
import dev.parley.domain.shared.TenantId;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Call events as JSON objects with a {@code kind}, the form they take on Redis. */
final class CallEventCodec {
    private final JsonMapper json;

    CallEventCodec(JsonMapper json) {
        this.json = json;
    }

    String encode(CallEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenant", event.tenant().value());
        m.put("call_id", event.callId());
        m.put("at", event.at().toString());
        switch (event) {
            case CallEvent.StatusChanged e -> {
                m.put("kind", "status");
                m.put("status", e.status());
                m.put("customer_number", e.customerNumber());
                m.put("organization_number", e.organizationNumber());
            }
            case CallEvent.CustomerSpoke e -> {
                m.put("kind", "customer");
                m.put("text", e.text());
                m.put("is_final", e.isFinal());
                m.put("confidence", e.confidence());
                m.put("language", e.language());
            }
            case CallEvent.AssistantSpoke e -> {
                m.put("kind", "assistant");
                m.put("text", e.text());
            }
            case CallEvent.SpeakRequested e -> {
                m.put("kind", "speak");
                m.put("text", e.text());
            }
            case CallEvent.AgentSpoke e -> {
                m.put("kind", "agent");
                m.put("text", e.text());
                m.put("audio", e.audioBase64());
            }
            case CallEvent.HandBackRequested e -> m.put("kind", "hand_back");
            case CallEvent.Failed e -> {
                m.put("kind", "failed");
                m.put("code", e.code());
                m.put("message", e.message());
            }
            case CallEvent.Escalated e -> {
                m.put("kind", "escalated");
                m.put("reason", e.reason());
                m.put("urgency", e.urgency());
                m.put("action", e.action());
            }
        }
        try {
            return json.writeValueAsString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes one message; anything malformed is an {@link IllegalArgumentException}. */
    CallEvent decode(String text) {
        Map<?, ?> m;
        try {
            m = json.readValue(text, Map.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a call event", e);
        }
        if (m == null) throw new IllegalArgumentException("not a call event");
        TenantId tenant = new TenantId(((Number) m.get("tenant")).longValue());
        String callId = (String) m.get("call_id");
        Instant at = Instant.parse((String) m.get("at"));
        return switch (String.valueOf(m.get("kind"))) {
            case "status" -> new CallEvent.StatusChanged(tenant, callId, str(m, "status"), str(m, "customer_number"),
                    str(m, "organization_number"), at);
            case "customer" -> new CallEvent.CustomerSpoke(tenant, callId, str(m, "text"), Boolean.TRUE.equals(m.get("is_final")),
                    ((Number) m.get("confidence")).doubleValue(), str(m, "language"), at);
            case "assistant" -> new CallEvent.AssistantSpoke(tenant, callId, str(m, "text"), at);
            case "speak" -> new CallEvent.SpeakRequested(tenant, callId, str(m, "text"), at);
            case "agent" -> new CallEvent.AgentSpoke(tenant, callId, str(m, "text"), str(m, "audio"), at);
            case "hand_back" -> new CallEvent.HandBackRequested(tenant, callId, at);
            case "failed" -> new CallEvent.Failed(tenant, callId, str(m, "code"), str(m, "message"), at);
            case "escalated" -> new CallEvent.Escalated(tenant, callId, str(m, "reason"), str(m, "urgency"), str(m, "action"), at);
            default -> throw new IllegalArgumentException("unknown call event kind");
        };
    }

    private static String str(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString();
    }
}

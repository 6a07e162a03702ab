package dev.parley.adapter.in.web.console;

import dev.parley.application.call.port.in.ListCallsUseCase.MessageView;
import dev.parley.application.call.port.out.CallEvent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The server-to-console messages of seed 002, built as JSON-ready maps. */
final class ConsoleMessages {
    static final String CONNECTION_FAILED = "CONNECTION_FAILED";
    static final String TTS_ERROR = "TTS_ERROR";
    static final String STT_ERROR = "STT_ERROR";
    static final String TWILIO_ERROR = "TWILIO_ERROR";

    private ConsoleMessages() {
    }

    static Map<String, Object> pong() {
        return Map.of("type", "pong");
    }

    static Map<String, Object> connected(String callId) {
        Map<String, Object> m = typed("telephony_connected", callId);
        m.put("status", "ready");
        return m;
    }

    static Map<String, Object> error(String callId, String code, String message, Instant at) {
        Map<String, Object> m = typed("telephony_error", callId);
        m.put("error_code", code);
        m.put("message", message);
        m.put("timestamp", at.toString());
        return m;
    }

    static Map<String, Object> status(String callId, String status, String customerNumber, String organizationNumber, Instant at) {
        Map<String, Object> m = typed("call_status_update", callId);
        m.put("status", status);
        if (customerNumber != null && !customerNumber.isEmpty()) m.put("customer_number", customerNumber);
        if (organizationNumber != null && !organizationNumber.isEmpty()) m.put("organization_number", organizationNumber);
        m.put("timestamp", at.toString());
        return m;
    }

    static Map<String, Object> customerTranscript(String callId, String text, boolean isFinal, double confidence, String language,
                                                  Instant at) {
        Map<String, Object> m = typed("customer_transcript", callId);
        m.put("transcript", text);
        m.put("is_final", isFinal);
        m.put("confidence", confidence);
        m.put("detected_language", language);
        m.put("timestamp", at.toString());
        return m;
    }

    /** An extension of seed 002: what the AI assistant (or, in history, a human agent) said. */
    static Map<String, Object> agentTranscript(String callId, String text, Instant at) {
        Map<String, Object> m = typed("agent_transcript", callId);
        m.put("message", text);
        m.put("timestamp", at.toString());
        return m;
    }

    static Map<String, Object> agentAudio(String callId, String audioBase64, String text, Instant at) {
        Map<String, Object> m = typed("agent_tts_audio", callId);
        m.put("audio_data", audioBase64);
        m.put("message", text);
        m.put("timestamp", at.toString());
        return m;
    }

    /**
     * An extension of seed 002 for seed 003's escalations: a {@code call_status_update} with status
     * {@code escalated}, the reason, the urgency (emergency, high, normal) and the action (transferred, flagged).
     */
    static Map<String, Object> escalated(String callId, String reason, String urgency, String action, Instant at) {
        Map<String, Object> m = typed("call_status_update", callId);
        m.put("status", "escalated");
        m.put("reason", reason);
        m.put("urgency", urgency);
        m.put("action", action);
        m.put("timestamp", at.toString());
        return m;
    }

    /** What a console is sent for a bus event; commands (speak, hand back) are for the call's owner, not consoles. */
    static Optional<Map<String, Object>> of(CallEvent event) {
        return Optional.ofNullable(switch (event) {
            case CallEvent.StatusChanged e -> status(e.callId(), e.status(), e.customerNumber(), e.organizationNumber(), e.at());
            case CallEvent.CustomerSpoke e -> customerTranscript(e.callId(), e.text(), e.isFinal(), e.confidence(), e.language(), e.at());
            case CallEvent.AssistantSpoke e -> agentTranscript(e.callId(), e.text(), e.at());
            case CallEvent.AgentSpoke e -> agentAudio(e.callId(), e.audioBase64(), e.text(), e.at());
            case CallEvent.Failed e -> error(e.callId(), e.code(), e.message(), e.at());
            case CallEvent.Escalated e -> escalated(e.callId(), e.reason(), e.urgency(), e.action(), e.at());
            case CallEvent.SpeakRequested e -> null;
            case CallEvent.HandBackRequested e -> null;
        });
    }

    /** A stored line, replayed to a console that (re)connects. */
    static Map<String, Object> history(String callId, MessageView line, String language) {
        return "customer".equals(line.senderType())
                ? customerTranscript(callId, line.content(), line.isFinal(), line.confidence(), language, line.createdAt())
                : agentTranscript(callId, line.content(), line.createdAt());
    }

    private static Map<String, Object> typed(String type, String callId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("call_id", callId == null ? "" : callId);
        return m;
    }
}

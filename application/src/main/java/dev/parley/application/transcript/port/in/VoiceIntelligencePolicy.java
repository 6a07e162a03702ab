package dev.parley.application.transcript.port.in;

/**
 * Whether finished call recordings are sent to Twilio Voice Intelligence (USE_TWILIO_VOICE_INTELLIGENCE)
 * and to which service (TWILIO_VOICE_INTELLIGENCE_SID).
 */
public record VoiceIntelligencePolicy(boolean enabled, String serviceSid) {
    public VoiceIntelligencePolicy {
        serviceSid = serviceSid == null ? "" : serviceSid.strip();
    }

    public boolean hasService() {
        return !serviceSid.isEmpty();
    }
}

package dev.parley.application.scenario.port.in;

/** One entry of the voice catalogue: the {@code voice_type} clients send and the Realtime voice it maps to. */
public record VoiceTypeView(String voiceType, String realtimeVoice, String description) {
}

package dev.parley.domain.scenario;

import dev.parley.domain.shared.InvalidValueException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The voice catalogue: the character a scenario's caller hears, mapped to one of the OpenAI
 * Realtime voices. Clients name the character ({@code aggressive_male}); the bare Realtime voice
 * names ({@code alloy}, {@code ash}, …) are accepted too and stand for themselves.
 */
public enum VoiceType {
    AGGRESSIVE_MALE("aggressive_male", "ash", "Forceful, impatient male voice"),
    CONCERNED_FEMALE("concerned_female", "shimmer", "Worried, caring female voice"),
    ELDERLY_FEMALE("elderly_female", "sage", "Slow, gentle older female voice"),
    PROFESSIONAL_NEUTRAL("professional_neutral", "alloy", "Clear, neutral business voice"),
    FRIENDLY_FEMALE("friendly_female", "marin", "Warm, upbeat female voice"),
    CALM_MALE("calm_male", "cedar", "Calm, reassuring male voice"),
    GENTLE_SUPPORTIVE("gentle_supportive", "coral", "Soft, supportive voice"),
    WARM_MALE("warm_male", "echo", "Friendly, relaxed male voice"),
    DEEP_MALE("deep_male", "ballad", "Deep, measured male voice"),
    ENERGETIC("energetic", "verse", "Lively, expressive voice"),
    ALLOY("alloy", "alloy", "Realtime voice alloy"),
    ASH("ash", "ash", "Realtime voice ash"),
    BALLAD("ballad", "ballad", "Realtime voice ballad"),
    CORAL("coral", "coral", "Realtime voice coral"),
    ECHO("echo", "echo", "Realtime voice echo"),
    SAGE("sage", "sage", "Realtime voice sage"),
    SHIMMER("shimmer", "shimmer", "Realtime voice shimmer"),
    VERSE("verse", "verse", "Realtime voice verse"),
    MARIN("marin", "marin", "Realtime voice marin"),
    CEDAR("cedar", "cedar", "Realtime voice cedar");

    public static final VoiceType DEFAULT = PROFESSIONAL_NEUTRAL;
    private static final String ACCEPTED = Arrays.stream(values()).map(VoiceType::wireName).collect(Collectors.joining(", "));

    private final String wireName;
    private final String realtimeVoice;
    private final String description;

    VoiceType(String wireName, String realtimeVoice, String description) {
        this.wireName = wireName;
        this.realtimeVoice = realtimeVoice;
        this.description = description;
    }

    /** Reads a client's {@code voice_type}; an unknown name is refused with the accepted ones. */
    public static VoiceType parse(String raw) {
        if (raw == null || raw.isBlank()) return DEFAULT;
        String name = raw.strip().toLowerCase(Locale.ROOT);
        for (VoiceType type : values()) if (type.wireName.equals(name)) return type;
        throw new InvalidValueException("voice_type", "voice-type.unknown", "voice_type must be one of: " + ACCEPTED);
    }

    /** The name clients send and see. */
    public String wireName() {
        return wireName;
    }

    /** The OpenAI Realtime voice this character speaks with. */
    public String realtimeVoice() {
        return realtimeVoice;
    }

    public String description() {
        return description;
    }

    /** True for the characters of the catalogue, false for the bare Realtime voice names. */
    public boolean isCharacter() {
        return !wireName.equals(realtimeVoice);
    }
}

package dev.parley.domain.transcript;

/** One voice in a call and how much it said. */
public record Participant(int channel, SpeakerRole role, double speakingSeconds, int wordCount, int sentenceCount) {
    public String name() {
        return role.displayName();
    }
}

package dev.parley.domain.transcript;

/** One sentence in the order the call went, with who said it. {@code confidence} is NaN when unknown. */
public record FlowEntry(int sequence, int channel, SpeakerRole role, String text, double startSeconds, double endSeconds,
                        double durationSeconds, double confidence, int wordCount) {
}

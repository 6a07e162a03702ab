package dev.parley.domain.transcript;

import dev.parley.domain.shared.InvalidValueException;

/**
 * One sentence of a transcript, as the carrier recognised it.
 *
 * @param channel      the recording channel it was heard on
 * @param startSeconds offset from the start of the recording; {@code endSeconds} is never before it
 * @param confidence   0..1, or {@link Double#NaN} when the carrier gave none
 */
public record TranscriptSentence(int channel, int index, String text, double startSeconds, double endSeconds, double confidence) {
    public TranscriptSentence {
        if (text == null) throw new InvalidValueException("text", "sentence.text", "A sentence has text");
        if (Double.isNaN(startSeconds) || startSeconds < 0) startSeconds = 0;
        if (Double.isNaN(endSeconds) || endSeconds < startSeconds) endSeconds = startSeconds;
        if (!Double.isNaN(confidence)) confidence = Math.max(0, Math.min(1, confidence));
        text = text.strip();
    }

    public double durationSeconds() {
        return endSeconds - startSeconds;
    }

    public int wordCount() {
        return Words.count(text);
    }

    public boolean hasConfidence() {
        return !Double.isNaN(confidence);
    }
}

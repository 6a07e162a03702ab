package dev.parley.domain.transcript;

/**
 * The figures of a whole call.
 *
 * @param conversationTurns  how many times the floor changed hands, plus one (consecutive sentences of one speaker are one turn)
 * @param averageConfidence  mean of the sentences' confidences that are known, NaN when none is
 */
public record TranscriptSummary(long totalDurationSeconds, int totalSentences, int totalWords, int participantCount,
                                int conversationTurns, double averageConfidence) {

    /** {@code m:ss}, or {@code h:mm:ss} from one hour on. */
    public String durationFormatted() {
        long h = totalDurationSeconds / 3600, m = (totalDurationSeconds % 3600) / 60, s = totalDurationSeconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}

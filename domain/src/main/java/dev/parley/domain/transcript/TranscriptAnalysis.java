package dev.parley.domain.transcript;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a call's sentences tell: who spoke how long and how much, the conversation in order, and
 * the summary figures. Pure and deterministic. Sentences are ordered by start time (then channel,
 * then index); times are rounded to hundredths of a second and the average confidence to
 * thousandths.
 */
public record TranscriptAnalysis(List<Participant> participants, List<FlowEntry> conversationFlow, String fullText,
                                 TranscriptSummary summary) {
    public TranscriptAnalysis {
        participants = List.copyOf(participants);
        conversationFlow = List.copyOf(conversationFlow);
    }

    /**
     * @param durationSeconds the recording's length as the carrier measured it; 0 or less when
     *                        unknown, and then the end of the last sentence (rounded up) is used
     */
    public static TranscriptAnalysis of(List<TranscriptSentence> sentences, ChannelRoles roles, long durationSeconds) {
        List<TranscriptSentence> ordered = sentences.stream()
                .filter(s -> !s.text().isEmpty())
                .sorted(Comparator.comparingDouble(TranscriptSentence::startSeconds)
                        .thenComparingInt(TranscriptSentence::channel).thenComparingInt(TranscriptSentence::index))
                .toList();
        Map<Integer, double[]> perChannel = new TreeMap<>(); // seconds, words, sentences
        List<FlowEntry> flow = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int totalWords = 0, turns = 0, confident = 0;
        double confidenceSum = 0, lastEnd = 0;
        Integer previousChannel = null;
        for (TranscriptSentence s : ordered) {
            int words = s.wordCount();
            double[] acc = perChannel.computeIfAbsent(s.channel(), c -> new double[3]);
            acc[0] += s.durationSeconds();
            acc[1] += words;
            acc[2] += 1;
            totalWords += words;
            if (s.hasConfidence()) {
                confidenceSum += s.confidence();
                confident++;
            }
            if (previousChannel == null || previousChannel != s.channel()) turns++;
            previousChannel = s.channel();
            lastEnd = Math.max(lastEnd, s.endSeconds());
            flow.add(new FlowEntry(flow.size() + 1, s.channel(), roles.roleOf(s.channel()), s.text(), round2(s.startSeconds()),
                    round2(s.endSeconds()), round2(s.durationSeconds()), s.confidence(), words));
            if (!text.isEmpty()) text.append(' ');
            text.append(s.text());
        }
        List<Participant> participants = perChannel.entrySet().stream()
                .map(e -> new Participant(e.getKey(), roles.roleOf(e.getKey()), round2(e.getValue()[0]), (int) e.getValue()[1],
                        (int) e.getValue()[2]))
                .toList();
        long total = durationSeconds > 0 ? durationSeconds : (long) Math.ceil(lastEnd);
        double average = confident == 0 ? Double.NaN : Math.round(confidenceSum / confident * 1000) / 1000.0;
        TranscriptSummary summary = new TranscriptSummary(total, ordered.size(), totalWords, participants.size(), turns, average);
        return new TranscriptAnalysis(participants, flow, text.toString(), summary);
    }

    private static double round2(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }
}

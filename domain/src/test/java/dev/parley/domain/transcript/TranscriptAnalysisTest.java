package dev.parley.domain.transcript;

import dev.parley.domain.call.CallDirection;
import dev.parley.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The analysis against an example computed by hand (see the figures in each assertion). */
class TranscriptAnalysisTest {
    // an outbound call: the agent is channel 1, the customer channel 2; given out of order on purpose
    static final List<TranscriptSentence> SENTENCES = List.of(
            new TranscriptSentence(2, 2, "What is this about?", 4.3, 5.8, 0.8),            // 4 words, 1.50 s
            new TranscriptSentence(1, 0, "Hello, this is Mike from Acme.", 0.5, 3.2, 0.95), // 6 words, 2.70 s
            new TranscriptSentence(1, 4, "   ", 9.5, 9.6, 0.5),                              // empty: ignored
            new TranscriptSentence(1, 3, "Your appointment tomorrow at ten.", 6.0, 9.1, Double.NaN), // 5 words, 3.10 s
            new TranscriptSentence(2, 1, "Hi Mike.", 3.5, 4.25, 0.9));                      // 2 words, 0.75 s

    @Test
    void participantsAreCountedPerChannelWithTheirRoles() {
        TranscriptAnalysis analysis = TranscriptAnalysis.of(SENTENCES, ChannelRoles.forDirection(CallDirection.OUTBOUND), 0);

        assertThat(analysis.participants()).containsExactly(
                new Participant(1, SpeakerRole.AGENT, 5.8, 11, 2),      // 2.70 + 3.10 s; 6 + 5 words
                new Participant(2, SpeakerRole.CUSTOMER, 2.25, 6, 2));  // 0.75 + 1.50 s; 2 + 4 words
        assertThat(analysis.participants().getFirst().name()).isEqualTo("AI Agent");
    }

    @Test
    void theFlowFollowsTimeAndTheSummaryAddsUp() {
        TranscriptAnalysis analysis = TranscriptAnalysis.of(SENTENCES, ChannelRoles.forDirection(CallDirection.OUTBOUND), 0);

        assertThat(analysis.conversationFlow()).extracting(FlowEntry::sequence, FlowEntry::role, FlowEntry::text, FlowEntry::durationSeconds,
                        FlowEntry::wordCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, SpeakerRole.AGENT, "Hello, this is Mike from Acme.", 2.7, 6),
                        org.assertj.core.groups.Tuple.tuple(2, SpeakerRole.CUSTOMER, "Hi Mike.", 0.75, 2),
                        org.assertj.core.groups.Tuple.tuple(3, SpeakerRole.CUSTOMER, "What is this about?", 1.5, 4),
                        org.assertj.core.groups.Tuple.tuple(4, SpeakerRole.AGENT, "Your appointment tomorrow at ten.", 3.1, 5));
        assertThat(analysis.fullText())
                .isEqualTo("Hello, this is Mike from Acme. Hi Mike. What is this about? Your appointment tomorrow at ten.");
        TranscriptSummary summary = analysis.summary();
        assertThat(summary.totalSentences()).isEqualTo(4);
        assertThat(summary.totalWords()).isEqualTo(17);
        assertThat(summary.participantCount()).isEqualTo(2);
        assertThat(summary.conversationTurns()).isEqualTo(3);              // agent, customer (two sentences), agent
        assertThat(summary.averageConfidence()).isEqualTo(0.883);          // (0.95 + 0.9 + 0.8) / 3, the unknown one left out
        assertThat(summary.totalDurationSeconds()).isEqualTo(10);          // no carrier duration: last end 9.1 s, rounded up
        assertThat(summary.durationFormatted()).isEqualTo("0:10");
    }

    @Test
    void inboundCallsPutTheCustomerOnChannelOne() {
        TranscriptAnalysis analysis = TranscriptAnalysis.of(SENTENCES, ChannelRoles.forDirection(CallDirection.INBOUND), 185);

        assertThat(analysis.participants()).extracting(Participant::role).containsExactly(SpeakerRole.CUSTOMER, SpeakerRole.AGENT);
        assertThat(analysis.summary().totalDurationSeconds()).isEqualTo(185);
        assertThat(analysis.summary().durationFormatted()).isEqualTo("3:05");
        assertThat(new TranscriptSummary(3725, 0, 0, 0, 0, Double.NaN).durationFormatted()).isEqualTo("1:02:05");
    }

    @Test
    void noSentencesGiveAnEmptyAnalysis() {
        TranscriptAnalysis analysis = TranscriptAnalysis.of(List.of(), ChannelRoles.forDirection(CallDirection.INBOUND), 0);

        assertThat(analysis.participants()).isEmpty();
        assertThat(analysis.summary().averageConfidence()).isNaN();
        assertThat(analysis.summary().conversationTurns()).isZero();
    }

    @Test
    void wordsAndValuesAreReadCarefully() {
        assertThat(Words.count("  one\ttwo\nthree  ")).isEqualTo(3);
        assertThat(Words.count("")).isZero();
        TranscriptSentence backwards = new TranscriptSentence(1, 0, "x", 5, 3, 1.7);
        assertThat(backwards.endSeconds()).isEqualTo(5);
        assertThat(backwards.confidence()).isEqualTo(1.0);
        assertThat(CallDirection.parse("outbound-api")).isEqualTo(CallDirection.OUTBOUND);
        assertThatThrownBy(() -> CallDirection.parse("sideways")).isInstanceOf(InvalidValueException.class);
    }
}

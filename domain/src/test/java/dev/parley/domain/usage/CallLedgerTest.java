package dev.parley.domain.usage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallLedgerTest {
    private final CallLedger ledger = new CallLedger(10_000);

    @Test
    void aTurnRunsFromTheCallersEndOfSpeechToTheFirstAssistantAudioAfterIt() {
        assertThat(ledger.assistantAudioSent(10_800)).as("the greeting answers no turn").isEqualTo(-1);
        ledger.callerStoppedSpeaking(12_000);
        assertThat(ledger.assistantAudioSent(12_450)).isEqualTo(450);
        assertThat(ledger.assistantAudioSent(12_470)).as("later frames of the same answer").isEqualTo(-1);
        ledger.callerStoppedSpeaking(15_000);
        assertThat(ledger.assistantAudioSent(15_900)).isEqualTo(900);
        ledger.callerStoppedSpeaking(20_000);
        assertThat(ledger.assistantAudioSent(20_300)).isEqualTo(300);

        TurnLatency latency = ledger.usage().latency();
        assertThat(latency).isEqualTo(new TurnLatency(3, 450, 900, 800));
    }

    @Test
    void theMedianOfAnEvenCountIsTheLowerMiddleTurn() {
        long[] turns = {700, 100, 400, 200};
        long t = 10_000;
        for (long turn : turns) {
            ledger.callerStoppedSpeaking(t);
            ledger.assistantAudioSent(t + turn);
            t += 5_000;
        }
        assertThat(ledger.usage().latency()).isEqualTo(new TurnLatency(4, 200, 700, 700));
    }

    @Test
    void speakingAgainBeforeTheAnswerStartsTheTurnOver() {
        ledger.callerStoppedSpeaking(11_000);
        ledger.callerStartedSpeaking();
        assertThat(ledger.awaitsAudio()).as("still waiting for the first audio").isTrue();
        ledger.callerStoppedSpeaking(13_000);
        assertThat(ledger.assistantAudioSent(13_600)).isEqualTo(600);
        assertThat(ledger.awaitsAudio()).as("no turn open, first audio seen: frames need no clock").isFalse();
        assertThat(ledger.usage().latency().turns()).isEqualTo(1);
    }

    @Test
    void manyTurnsAreAllKept() {
        for (int i = 0; i < 100; i++) {
            ledger.callerStoppedSpeaking(20_000L + i * 1_000);
            ledger.assistantAudioSent(20_000L + i * 1_000 + i);
        }
        assertThat(ledger.usage().latency()).isEqualTo(new TurnLatency(100, 49, 99, 10_000));
    }

    @Test
    void tokensOfEveryResponseAndBargeInsAreSummed() {
        ledger.responded(new TokenUsage(100, 20, 50, 0, 10, 200));
        ledger.responded(new TokenUsage(150, 40, 100, 20, 12, 300));
        ledger.bargedIn();
        ledger.bargedIn();
        CallUsage usage = ledger.usage();
        assertThat(usage.tokens()).isEqualTo(new TokenUsage(250, 60, 150, 20, 22, 500));
        assertThat(usage.tokens().input()).isEqualTo(310);
        assertThat(usage.tokens().output()).isEqualTo(522);
        assertThat(usage.tokens().total()).isEqualTo(832);
        assertThat(usage.bargeIns()).isEqualTo(2);
    }

    @Test
    void aCallWithoutAssistantAudioHasNoLatency() {
        assertThat(ledger.usage().latency()).isEqualTo(new TurnLatency(0, -1, -1, -1));
    }
}

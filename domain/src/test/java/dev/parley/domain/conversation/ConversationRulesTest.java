package dev.parley.domain.conversation;

import dev.parley.domain.shared.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationRulesTest {
    private final PlaybackLedger ledger = new PlaybackLedger();
    private final BargeInRule bargeIn = new BargeInRule();
    private final TakeoverRule takeover = new TakeoverRule();

    @Test
    void aMarkIsDueAfterEveryHundredMillisecondsOfAudioAndAtTheEndOfAResponse() {
        assertThat(ledger.sent("item_1", 160, 0)).isEmpty();
        for (int i = 0; i < 3; i++) assertThat(ledger.sent("item_1", 160, 0)).isEmpty();
        assertThat(ledger.sent("item_1", 160, 0)).contains("a1");   // 800 bytes = 100 ms
        assertThat(ledger.sent("item_1", 160, 0)).isEmpty();
        assertThat(ledger.responseDone()).contains("a2");
        assertThat(ledger.responseDone()).as("nothing unmarked is left").isEmpty();
    }

    @Test
    void bargeInCutsTheItemAtTheLastMarkPlayedAndForgetsIt() {
        ledger.sent("item_1", 800, 0);
        ledger.sent("item_1", 800, 0);
        ledger.sent("item_1", 800, 0);
        ledger.played("a2");
        Optional<Truncation> cut = bargeIn.callerStartedSpeaking(ledger);
        assertThat(cut).contains(new Truncation("item_1", 200, List.of()));
        assertThat(bargeIn.callerStartedSpeaking(ledger)).as("nothing is playing any more").isEmpty();
    }

    @Test
    void bargeInWhenEverythingHasPlayedCutsNothing() {
        ledger.sent("item_1", 800, 0);
        ledger.played("a1");
        assertThat(bargeIn.callerStartedSpeaking(ledger)).isEmpty();
        assertThat(ledger.startOf("item_1")).as("the item is still the current one").contains(0L);
    }

    @Test
    void audioSentAfterTheLastMarkCountsAsStillPlaying() {
        ledger.sent("item_1", 800, 0);
        ledger.played("a1");
        ledger.sent("item_1", 160, 0);
        assertThat(bargeIn.callerStartedSpeaking(ledger)).contains(new Truncation("item_1", 100, List.of()));
    }

    @Test
    void aFollowUpComesDueWhenItsMarkPlaysOrWhenTheQueueIsCleared() {
        PhoneNumber desk = new PhoneNumber("+14155550111");
        ledger.sent("item_1", 160, 0);
        String hangUp = ledger.markFollowUp(new FollowUp.HangUp());
        assertThat(ledger.played("a-unknown")).isEmpty();
        assertThat(ledger.played(hangUp)).containsExactly(new FollowUp.HangUp());

        ledger.sent("item_2", 160, 0);
        ledger.markFollowUp(new FollowUp.Transfer(desk));
        assertThat(bargeIn.callerStartedSpeaking(ledger)).hasValueSatisfying(t -> {
            assertThat(t.itemId()).isEqualTo("item_2");
            assertThat(t.playedMs()).isZero();
            assertThat(t.dueFollowUps()).containsExactly(new FollowUp.Transfer(desk));
        });
    }

    @Test
    void aTakeoverHoldsTheAssistantOnceAndCutsItLikeABargeIn() {
        ledger.sent("item_1", 800, 0);
        ledger.sent("item_1", 160, 0);   // unmarked audio still queued: cut as on barge-in
        TakeoverRule.HumanSpeaks first = takeover.humanSpeaks(ledger);
        assertThat(first.holdAssistant()).isTrue();
        assertThat(first.truncation()).contains(new Truncation("item_1", 0, List.of()));
        assertThat(takeover.assistantHeld()).isTrue();
        ledger.markHumanAudio();
        TakeoverRule.HumanSpeaks again = takeover.humanSpeaks(ledger);
        assertThat(again.holdAssistant()).isFalse();
        assertThat(again.truncation()).as("the agent's own audio is never cut").isEmpty();
        assertThat(takeover.handBack()).isTrue();
        assertThat(takeover.handBack()).isFalse();
        assertThat(takeover.assistantHeld()).isFalse();
    }

    @Test
    void aCallLeavesOnlyOnce() {
        ExitRule exit = new ExitRule();
        PhoneNumber desk = new PhoneNumber("+14155550111");
        assertThat(exit.due(List.of())).isEmpty();
        assertThat(exit.due(List.of(new FollowUp.HangUp(), new FollowUp.Transfer(desk)))).contains(new FollowUp.HangUp());
        assertThat(exit.due(List.of(new FollowUp.Transfer(desk)))).isEmpty();
        assertThat(exit.taken()).contains(new FollowUp.HangUp());
    }

    @Test
    void aNewItemStartsItsOwnCount() {
        ledger.sent("item_1", 700, 5);
        assertThat(ledger.sent("item_2", 700, 40)).as("the first item's bytes do not count").isEmpty();
        assertThat(ledger.startOf("item_2")).contains(40L);
        assertThat(ledger.startOf("item_1")).isEmpty();
    }
}

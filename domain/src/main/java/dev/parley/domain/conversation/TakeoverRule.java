package dev.parley.domain.conversation;

import java.util.Optional;

/**
 * A human agent takes the call over from the console: the assistant is held (its audio dropped) and
 * what it was still saying is cut exactly as on barge-in; a hand-back releases it. Not thread-safe:
 * one call, one thread at a time.
 */
public final class TakeoverRule {
    /**
     * @param holdAssistant the assistant must be put on hold now (the first words of a takeover)
     * @param truncation    what of the assistant to cut and clear before the agent's audio, if it was playing
     */
    public record HumanSpeaks(boolean holdAssistant, Optional<Truncation> truncation) {
    }

    private boolean humanActive;

    /** The agent speaks into the call; its audio follows once the decision is carried out. */
    public HumanSpeaks humanSpeaks(PlaybackLedger ledger) {
        boolean hold = !humanActive;
        humanActive = true;
        return new HumanSpeaks(hold, ledger.interrupt());
    }

    /** @return true when the assistant was held and must be released now; false when no takeover is on */
    public boolean handBack() {
        if (!humanActive) return false;
        humanActive = false;
        return true;
    }

    /** While a person has the call, the assistant's audio is dropped rather than played. */
    public boolean assistantHeld() {
        return humanActive;
    }
}

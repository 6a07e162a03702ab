package dev.parley.domain.conversation;

import java.util.Optional;

/**
 * The caller starts speaking over the assistant: whatever of the assistant is still queued at the
 * carrier is cut at what the caller heard and cleared. Speaking when nothing plays changes nothing.
 */
public final class BargeInRule {
    /** @return what to truncate and clear; empty when the assistant is not playing */
    public Optional<Truncation> callerStartedSpeaking(PlaybackLedger ledger) {
        return ledger.interrupt();
    }
}

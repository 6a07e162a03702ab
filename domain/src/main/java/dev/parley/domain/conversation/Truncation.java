package dev.parley.domain.conversation;

import java.util.List;

/**
 * Cut assistant item {@code itemId} at {@code playedMs} (what the caller actually heard) and clear the
 * carrier's unplayed audio. The carrier returns every pending mark on a clear, so the follow-ups those
 * marks carried are due now, in order.
 */
public record Truncation(String itemId, long playedMs, List<FollowUp> dueFollowUps) {
    public Truncation {
        if (itemId == null || itemId.isBlank()) throw new IllegalArgumentException("itemId is required");
        if (playedMs < 0) throw new IllegalArgumentException("playedMs must not be negative");
        dueFollowUps = List.copyOf(dueFollowUps);
    }
}

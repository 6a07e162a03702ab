package dev.parley.domain.conversation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the carrier has played of the assistant's audio, from the marks it echoes. Assistant audio is
 * followed by marks (every {@value #MARK_EVERY_BYTES} bytes, 100 ms of μ-law, and at the end of each
 * response) remembering how many bytes of the item had been sent; a mark coming back means the audio
 * before it has played. Plain state, no I/O: the caller sends the marks this hands out and carries out
 * the decisions it returns. Not thread-safe: one call, one thread at a time.
 */
public final class PlaybackLedger {
    /** Marks go out at most every 100 ms of assistant audio (μ-law: 8 bytes per ms). */
    public static final long MARK_EVERY_BYTES = 800;
    /** 8 kHz μ-law: one byte per sample. */
    public static final long BYTES_PER_MS = 8;

    /** {@code itemId} null: a mark not counting assistant audio; {@code followUp} null: none. */
    private record Mark(String name, String itemId, long bytesSentOfItem, FollowUp followUp) {
    }

    private final ArrayDeque<Mark> marks = new ArrayDeque<>();
    private long markSequence;
    private String item;
    private long itemStartMs;
    private long sentBytes;
    private long playedBytes;
    private long markedBytes;

    /**
     * Assistant audio of {@code itemId} handed to the carrier.
     *
     * @param nowMs the call's clock, remembered as the start of a new item
     * @return the name of a mark to send after this audio, when 100 ms have gone out since the last one
     */
    public Optional<String> sent(String itemId, long bytes, long nowMs) {
        if (!itemId.equals(item)) {
            item = itemId;
            itemStartMs = nowMs;
            sentBytes = 0;
            playedBytes = 0;
            markedBytes = 0;
        }
        sentBytes += bytes;
        return sentBytes - markedBytes >= MARK_EVERY_BYTES ? Optional.of(markItem()) : Optional.empty();
    }

    /** The model finished a response: a mark after its last audio, if some went out unmarked. */
    public Optional<String> responseDone() {
        return item != null && sentBytes > markedBytes ? Optional.of(markItem()) : Optional.empty();
    }

    /** A mark after everything queued so far that carries {@code followUp}: when it comes back, that audio has been heard. */
    public String markFollowUp(FollowUp followUp) {
        java.util.Objects.requireNonNull(followUp, "followUp");
        String name = "t" + (++markSequence);
        marks.addLast(new Mark(name, null, 0, followUp));
        return name;
    }

    /** A mark after a human agent's audio: it keeps the carrier's queue visible to a later barge-in. */
    public String markHumanAudio() {
        String name = "h" + (++markSequence);
        marks.addLast(new Mark(name, null, 0, null));
        return name;
    }

    /**
     * The carrier echoed mark {@code name}: it and every mark before it have played.
     *
     * @return the follow-ups those marks carried, in order; empty for an unknown mark
     */
    public List<FollowUp> played(String name) {
        if (marks.stream().noneMatch(m -> m.name().equals(name))) return List.of();
        List<FollowUp> due = new ArrayList<>(1);
        Mark m;
        do {
            m = marks.pollFirst();
            if (m.itemId() != null && m.itemId().equals(item)) playedBytes = Math.max(playedBytes, m.bytesSentOfItem());
            if (m.followUp() != null) due.add(m.followUp());
        } while (!m.name().equals(name));
        return due;
    }

    /**
     * The one truncate path, for barge-in and takeover alike: when assistant audio is still queued (a
     * mark not yet echoed, or audio sent after the last mark), the item is cut at the bytes played
     * (to the precision of one mark interval), the pending marks are dropped and the item forgotten.
     *
     * @return empty when nothing of the assistant is playing
     */
    public Optional<Truncation> interrupt() {
        boolean stillPlaying = !marks.isEmpty() || sentBytes > markedBytes;
        if (item == null || !stillPlaying) return Optional.empty();
        long playedMs = Math.min(playedBytes, sentBytes) / BYTES_PER_MS;
        List<FollowUp> due = new ArrayList<>(1);
        for (Mark m : marks) if (m.followUp() != null) due.add(m.followUp());
        Truncation cut = new Truncation(item, playedMs, due);
        marks.clear();
        item = null;
        sentBytes = 0;
        playedBytes = 0;
        markedBytes = 0;
        return Optional.of(cut);
    }

    /** When assistant item {@code itemId} began, on the call's clock; empty when it is not the current item. */
    public Optional<Long> startOf(String itemId) {
        return itemId != null && itemId.equals(item) ? Optional.of(itemStartMs) : Optional.empty();
    }

    private String markItem() {
        String name = "a" + (++markSequence);
        marks.addLast(new Mark(name, item, sentBytes, null));
        markedBytes = sentBytes;
        return name;
    }
}

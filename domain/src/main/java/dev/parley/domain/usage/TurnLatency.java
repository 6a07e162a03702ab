package dev.parley.domain.usage;

/**
 * How fast the assistant answered in one call: per turn (the caller's end of speech to the first
 * assistant audio sent to the carrier) the median, the maximum and the count, and the time from the
 * start of the stream to the first assistant audio. Times are milliseconds; -1 where nothing was measured.
 */
public record TurnLatency(int turns, long p50Ms, long maxMs, long firstAudioMs) {
    public static final TurnLatency NONE = new TurnLatency(0, -1, -1, -1);

    public TurnLatency {
        if (turns < 0) throw new IllegalArgumentException("turns < 0");
    }
}

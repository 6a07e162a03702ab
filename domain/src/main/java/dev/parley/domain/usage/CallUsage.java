package dev.parley.domain.usage;

/** What one bridged call used and how it performed: the model's tokens, the answer times, the caller's barge-ins. */
public record CallUsage(TokenUsage tokens, TurnLatency latency, int bargeIns) {
    public static final CallUsage NONE = new CallUsage(TokenUsage.ZERO, TurnLatency.NONE, 0);

    public CallUsage {
        if (tokens == null || latency == null || bargeIns < 0) throw new IllegalArgumentException("incomplete call usage");
    }
}

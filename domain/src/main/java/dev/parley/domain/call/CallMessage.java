package dev.parley.domain.call;

import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.Objects;

/**
 * One line said in a call, captured live; appended, never edited.
 *
 * @param startMs    offset of the line's start from the start of the call's media stream
 * @param confidence 0..1; 1 for the assistant's own words
 */
public record CallMessage(CallId call, TenantId tenant, Speaker speaker, String text, double confidence, boolean isFinal,
                          long startMs, long endMs, Instant createdAt) {
    public static final int MAX_LENGTH = 20_000;

    public CallMessage {
        Objects.requireNonNull(call);
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(speaker);
        Objects.requireNonNull(createdAt);
        if (text == null || text.isBlank()) throw new InvalidValueException("content", "message.empty", "A call message has text");
        text = text.strip();
        if (text.length() > MAX_LENGTH) text = text.substring(0, MAX_LENGTH);
        if (!(confidence >= 0 && confidence <= 1)) confidence = 1;
        if (startMs < 0) startMs = 0;
        if (endMs < startMs) endMs = startMs;
    }
}

package dev.parley.application.shared;

import dev.parley.domain.shared.InvalidValueException;

/** Which slice of a list to return: {@code offset} records skipped, at most {@code limit} returned. */
public record PageRequest(int offset, int limit) {
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (offset < 0) throw new InvalidValueException("skip", "page.offset", "skip must be 0 or more");
        if (limit < 1 || limit > MAX_LIMIT)
            throw new InvalidValueException("limit", "page.limit", "limit must be between 1 and " + MAX_LIMIT);
    }
}

package dev.parley.application.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a tenant's records, newest first unless a use case says otherwise. */
public record Page<T>(List<T> items, int offset, int limit, long total) {
    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), offset, limit, total);
    }
}

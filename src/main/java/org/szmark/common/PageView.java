package org.szmark.common;

import java.util.List;
import java.util.function.Function;

/** One page of a listing: zero-based {@code page}, its {@code size}, and the {@code total} matching. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public <R> PageView<R> map(Function<T, R> f) {
        return new PageView<>(items.stream().map(f).toList(), page, size, total);
    }
}

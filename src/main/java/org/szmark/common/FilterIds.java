package org.szmark.common;

import java.util.function.Function;

/**
 * Turns a filter value from a query (a body code, a credit code, a standard number) into an id. A value
 * that names nothing matches nothing, as a search should, rather than being an error.
 */
public final class FilterIds {
    /** An id no row has: filtering by it yields an empty result. */
    public static final long NONE = -1L;

    private FilterIds() {}

    public static Long of(String value, Function<String, Long> lookup) {
        if (value == null || value.isBlank()) return null;
        try {
            return lookup.apply(value);
        } catch (NotFound e) {
            return NONE;
        }
    }
}

package org.szmark.common;

import java.util.Locale;

/**
 * LIKE patterns from user text. Wildcards in the text are escaped so it matches literally; queries declare
 * escape '!'. The search queries compare {@code lower(column)} (or {@code upper(column)} for codes and
 * numbers) with these patterns, exactly the expressions that migration V8 indexes with pg_trgm on
 * PostgreSQL, so a pattern with at least three characters between its wildcards is answered from an index.
 */
public final class Likes {
    private Likes() {}

    public static String escape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Matches {@code lower(column)} containing the text anywhere. */
    public static String containsLower(String text) {
        return "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
    }

    /** Matches {@code upper(column)}, or a column kept in upper case, containing the text anywhere. */
    public static String containsUpper(String text) {
        return "%" + escape(text.toUpperCase(Locale.ROOT)) + "%";
    }

    /** Matches a column kept in upper case that starts with the text. */
    public static String prefixUpper(String text) {
        return escape(text.toUpperCase(Locale.ROOT)) + "%";
    }
}

package org.szmark.common;

/** Escapes LIKE wildcards so user text matches literally ; queries declare escape '!'. */
public final class Likes {
    private Likes() {}

    public static String escape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}

package org.szmark.common;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an H2 JDBC URL keeps its database on this machine (H2 "Database URL Overview"): {@code jdbc:h2:[file:]<path>}
 * with optional {@code ;SETTING=value} after it, {@code ~} standing for the user's home. In-memory, server
 * ({@code tcp:}, {@code ssl:}), read-only archive ({@code zip:}) and other file-system prefixes keep no file
 * here that the registry should manage, and give none.
 */
public final class H2Url {

    private static final String PREFIX = "jdbc:h2:";
    /** A prefix such as "mem:" or "tcp:"; two letters at least, so a Windows drive ("C:") is a path. */
    private static final Pattern OTHER_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9]+:.*");

    private H2Url() {}

    /** The database's path without H2's file extensions, e.g. {@code ./data/szmark}; empty when not a local file. */
    public static Optional<Path> databasePath(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring(PREFIX.length());
        int settings = rest.indexOf(';');
        if (settings >= 0) {
            rest = rest.substring(0, settings);
        }
        if (rest.regionMatches(true, 0, "file:", 0, 5)) {
            rest = rest.substring(5);
        } else if (OTHER_PREFIX.matcher(rest).matches()) {
            return Optional.empty();
        }
        if (rest.isBlank()) {
            return Optional.empty();
        }
        if (rest.equals("~") || rest.startsWith("~/")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return Optional.of(Path.of(rest));
    }
}

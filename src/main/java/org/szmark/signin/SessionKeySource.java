package org.szmark.signin;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The key that seals the sign-in cookie ({@code quarkus.http.auth.session.encryption-key}) when none is configured:
 * read from {@code <szmark.keys.dir>/session.key}, generated there on first start like the other key material, so
 * sessions survive a restart and every instance sharing the folder (or the configured key) reads every cookie.
 */
public class SessionKeySource implements ConfigSourceFactory {

    static final String KEY = "quarkus.http.auth.session.encryption-key";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue configured = context.getValue(KEY);
        if (configured != null && configured.getValue() != null && !configured.getValue().isBlank()) return List.of();
        ConfigValue dir = context.getValue("szmark.keys.dir");
        Path file = Path.of(dir == null || dir.getValue() == null ? "keys" : dir.getValue(), "session.key");
        return List.of(new PropertiesConfigSource(Map.of(KEY, readOrCreate(file)), "szmark session key " + file, 50));
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) return Files.readString(file, StandardCharsets.US_ASCII).trim();
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String value = Base64.getEncoder().encodeToString(key);
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "session", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's own permissions protect it
            }
            Files.writeString(tmp, value + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                Files.deleteIfExists(tmp); // another instance wrote it first: use theirs
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the session key " + file, e);
        }
    }
}

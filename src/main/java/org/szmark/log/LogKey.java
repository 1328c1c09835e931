package org.szmark.log;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.szmark.common.OwnerOnly;
import org.szmark.config.SzmarkConfig;
import org.szmark.crypto.KeyFiles;
import org.szmark.log.note.NoteSigner;
import org.szmark.log.note.VerifierKey;

/**
 * The log's Ed25519 checkpoint key and its origin. The key name is the origin, as
 * c2sp.org/tlog-checkpoint recommends, so the key text alone tells a verifier which log it is for.
 *
 * <p>The key is read from {@code szmark.log.key-file} (production) or generated once into
 * {@code <keys.dir>/log.key} (owner-only, never overwritten), as signed-note private key text. The
 * origin is part of every checkpoint ever signed, so once the key exists it decides the origin: a
 * later change of {@code public-base-url} does not fork the log, and an explicitly configured origin
 * that disagrees with the key stops the start.
 */
@Startup
@Singleton
public class LogKey {

    private static final Logger LOG = Logger.getLogger(LogKey.class);

    private final NoteSigner signer;

    LogKey(SzmarkConfig config) {
        SzmarkConfig.Log log = config.log();
        String wanted = log.origin().map(String::trim).orElseGet(() -> originFromBaseUrl(config.publicBaseUrl()));
        try {
            Path file;
            if (log.keyFile().isPresent()) {
                file = Path.of(log.keyFile().get());
                if (!Files.exists(file)) {
                    throw new IllegalStateException("Configured log key file does not exist: " + file);
                }
            } else {
                Path dir = Path.of(config.keys().dir());
                file = dir.resolve("log.key");
                if (!Files.exists(file)) {
                    OwnerOnly.ownDirectories(dir, "keys directory");
                    NoteSigner fresh = NoteSigner.generate(wanted, new SecureRandom());
                    KeyFiles.writeOwnerOnly(file, (fresh.encodePrivateKey() + "\n").getBytes(StandardCharsets.US_ASCII));
                    LOG.infof("Generated the log key for origin %s into %s", wanted, file);
                }
            }
            signer = NoteSigner.parse(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the log key", e);
        }
        if (!signer.name().equals(wanted)) {
            if (log.origin().isPresent()) {
                throw new IllegalStateException("The log key is named '" + signer.name() + "' but szmark.log.origin is '"
                        + wanted + "'; the key name must be the origin");
            }
            LOG.warnf("The log key is named '%s', not '%s' as public-base-url would give; keeping '%s' as the origin",
                    signer.name(), wanted, signer.name());
        }
        LOG.infof("Log key %s loaded", verifierKey());
    }

    /**
     * {@code host[:port][path]/log} from a base URL: a schema-less name as c2sp.org/tlog-checkpoint
     * asks of origins ("should be a URL-like name without the scheme").
     */
    static String originFromBaseUrl(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("szmark.public-base-url is not a URL: " + baseUrl);
        }
        if (uri.getHost() == null) {
            throw new IllegalStateException("szmark.public-base-url has no host: " + baseUrl);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path + "/log";
    }

    /** The origin line of every checkpoint and the name of the key. */
    public String origin() {
        return signer.name();
    }

    public NoteSigner signer() {
        return signer;
    }

    public VerifierKey verifierKey() {
        return signer.verifierKey();
    }
}

package org.szmark.keys;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.jboss.logging.Logger;
import org.szmark.common.OwnerOnly;
import org.szmark.config.SzmarkConfig;
import org.szmark.crypto.Ed25519;
import org.szmark.crypto.KeyCertificates;
import org.szmark.crypto.KeyFiles;
import org.szmark.crypto.KeyId;
import org.szmark.crypto.KeySealer;
import org.szmark.crypto.SignedEnvelope;

/**
 * The registry's own keys: the authority root key (trust anchor) and the master key that seals body
 * keys. Production loads them from configuration; the embedded run generates them once into
 * {@code szmark.keys.dir} with owner-only permissions and never overwrites them.
 */
@Startup
@Singleton
public class KeyMaterial {

    private static final Logger LOG = Logger.getLogger(KeyMaterial.class);
    /** Fixed validity so a certificate re-made from the same key is the same certificate. */
    private static final Instant AUTHORITY_NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant AUTHORITY_NOT_AFTER = Instant.parse("2075-01-01T00:00:00Z");
    static final String AUTHORITY_NAME = "Shenzhen Standard Mark Registry Authority";

    private final Ed25519PrivateKeyParameters authorityKey;
    private final byte[] authorityPublicKey;
    private final X509Certificate authorityCertificate;
    private final String authorityKeyId;
    private final KeySealer sealer;

    KeyMaterial(SzmarkConfig config) {
        SzmarkConfig.Keys keys = config.keys();
        Path dir = Path.of(keys.dir());
        try {
            if (keys.authorityKeystore().isPresent()) {
                var entry = KeyFiles.readPkcs12(Path.of(keys.authorityKeystore().get()),
                        keys.authorityKeystorePassword().orElse("").toCharArray(), keys.authorityKeystoreAlias().orElse(null));
                authorityKey = entry.privateKey();
                authorityCertificate = entry.certificate();
            } else {
                Path keyFile = keys.authorityKeyFile().map(Path::of).orElse(dir.resolve("authority.key.pem"));
                boolean generated = false;
                if (!Files.exists(keyFile)) {
                    if (keys.authorityKeyFile().isPresent()) {
                        throw new IllegalStateException("Configured authority key file does not exist: " + keyFile);
                    }
                    OwnerOnly.ownDirectories(dir, "keys directory");
                    KeyFiles.writePrivateKeyPem(keyFile, Ed25519.generate(new SecureRandom()).privateKey());
                    generated = true;
                    LOG.infof("Generated the authority root key into %s", keyFile);
                }
                authorityKey = KeyFiles.readPrivateKeyPem(keyFile);
                Path certFile = keys.authorityCertificateFile().map(Path::of).orElse(dir.resolve("authority.cert.pem"));
                if (Files.exists(certFile)) {
                    authorityCertificate = KeyFiles.readCertificatePem(certFile);
                } else {
                    authorityCertificate = selfSigned(authorityKey);
                    if (keys.authorityCertificateFile().isEmpty() && (generated || keys.authorityKeyFile().isEmpty())) {
                        KeyFiles.writeCertificatePem(certFile, authorityCertificate);
                    }
                }
            }
            authorityPublicKey = Ed25519.rawPublicKey(authorityKey);
            if (!java.util.Arrays.equals(authorityPublicKey, KeyCertificates.rawPublicKey(authorityCertificate))) {
                throw new IllegalStateException("The authority certificate does not belong to the authority key");
            }
            authorityKeyId = KeyId.of(authorityPublicKey);
            sealer = new KeySealer(masterKey(keys, dir));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the registry's key material", e);
        }
        LOG.infof("Authority key %s loaded", authorityKeyId);
    }

    private static X509Certificate selfSigned(Ed25519PrivateKeyParameters key) {
        byte[] pub = Ed25519.rawPublicKey(key);
        return KeyCertificates.selfSignedAuthority(key, pub, AUTHORITY_NAME, AUTHORITY_NOT_BEFORE, AUTHORITY_NOT_AFTER,
                new BigInteger(1, KeyId.bytesOf(pub)));
    }

    private static byte[] masterKey(SzmarkConfig.Keys keys, Path dir) throws IOException {
        if (keys.masterKey().isPresent()) {
            return KeySealer.masterKeyFromBase64(keys.masterKey().get().trim());
        }
        Path file = dir.resolve("master.key");
        if (!Files.exists(file)) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            OwnerOnly.ownDirectories(dir, "keys directory");
            KeyFiles.writeOwnerOnly(file, (Base64.getEncoder().encodeToString(fresh) + "\n").getBytes(StandardCharsets.US_ASCII));
            LOG.infof("Generated the master key into %s", file);
        }
        return KeySealer.masterKeyFromBase64(Files.readString(file, StandardCharsets.US_ASCII).trim());
    }

    public SignedEnvelope signAsAuthority(byte[] canonicalPayload) {
        return SignedEnvelope.sign(canonicalPayload, authorityKeyId, authorityKey);
    }

    public Ed25519PrivateKeyParameters authorityKey() {
        return authorityKey;
    }

    public X509Certificate authorityCertificate() {
        return authorityCertificate;
    }

    public byte[] authorityCertificateDer() {
        try {
            return authorityCertificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] authorityPublicKey() {
        return authorityPublicKey.clone();
    }

    public String authorityKeyId() {
        return authorityKeyId;
    }

    public KeySealer sealer() {
        return sealer;
    }
}

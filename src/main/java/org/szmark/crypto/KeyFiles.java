package org.szmark.crypto;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Key material on disk: PEM key files written owner-only, and Ed25519 keys with their certificate
 * read from PKCS#12 keystores (RFC 7292) through the BouncyCastle provider.
 *
 * <p>Writes never replace an existing file. On POSIX file systems the file is created with mode
 * 0600 in the same system call that creates it ({@code O_CREAT|O_EXCL} with the mode), so there is
 * no moment at which another user could open it; the mode is then set explicitly in case the
 * process umask removed owner bits.
 */
public final class KeyFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyFiles() {
    }

    /** An Ed25519 private key with its certificate (and the rest of the chain) from a PKCS#12 file. */
    public record Pkcs12Entry(String alias, Ed25519PrivateKeyParameters privateKey, X509Certificate certificate,
            List<X509Certificate> chain) {

        public Pkcs12Entry {
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(certificate, "certificate");
            chain = List.copyOf(chain);
        }

        /** Raw public key of the private key (equal to the certificate's). */
        public byte[] rawPublicKey() {
            return Ed25519.rawPublicKey(privateKey);
        }

        public String keyId() {
            return KeyId.of(rawPublicKey());
        }

        @Override
        public String toString() {
            return "Pkcs12Entry[alias=" + alias + ", keyId=" + keyId() + "]";
        }
    }

    /** Writes the private key as PKCS#8 PEM (RFC 8410 §7) to a new owner-only file. */
    public static void writePrivateKeyPem(Path path, Ed25519PrivateKeyParameters privateKey) throws IOException {
        byte[] pem = Pem.privateKeyPem(privateKey).getBytes(StandardCharsets.US_ASCII);
        try {
            writeOwnerOnly(path, pem);
        } finally {
            Arrays.fill(pem, (byte) 0);
        }
    }

    /** Writes the public key as SubjectPublicKeyInfo PEM (RFC 8410 §4) to a new owner-only file. */
    public static void writePublicKeyPem(Path path, byte[] rawPublicKey) throws IOException {
        writeOwnerOnly(path, Pem.publicKeyPem(rawPublicKey).getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes a certificate as PEM to a new owner-only file. */
    public static void writeCertificatePem(Path path, X509Certificate certificate) throws IOException {
        writeOwnerOnly(path, Pem.certificatePem(certificate).getBytes(StandardCharsets.US_ASCII));
    }

    public static Ed25519PrivateKeyParameters readPrivateKeyPem(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        try {
            return Pem.privateKeyFromPem(new String(bytes, StandardCharsets.US_ASCII));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Raw 32-byte public key from a "PUBLIC KEY" PEM file. */
    public static byte[] readPublicKeyPem(Path path) throws IOException {
        return Pem.publicKeyFromPem(Files.readString(path, StandardCharsets.US_ASCII));
    }

    public static X509Certificate readCertificatePem(Path path) throws IOException {
        return Pem.certificateFromPem(Files.readString(path, StandardCharsets.US_ASCII));
    }

    /**
     * Creates {@code path} with {@code content}, readable and writable by the owner only.
     *
     * @throws java.nio.file.FileAlreadyExistsException if anything (including a dangling symbolic
     *     link) already exists at {@code path}
     */
    public static void writeOwnerOnly(Path path, byte[] content) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        Path absolute = path.toAbsolutePath();
        boolean posix = Files.getFileStore(absolute.getParent()).supportsFileAttributeView(PosixFileAttributeView.class);
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        // CREATE_NEW maps to O_EXCL: fails if the name exists, and does not follow symbolic links.
        SeekableByteChannel channel = Files.newByteChannel(absolute, options, attributes);
        boolean complete = false;
        try (channel) {
            if (posix) {
                Files.setPosixFilePermissions(absolute, OWNER_ONLY);
            } else {
                restrictToOwner(absolute.toFile());
            }
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            complete = true;
        } finally {
            if (!complete) {
                Files.deleteIfExists(absolute);
            }
        }
    }

    /** Best effort where POSIX permissions are unavailable. */
    private static void restrictToOwner(File file) {
        file.setReadable(false, false);
        file.setReadable(true, true);
        file.setWritable(false, false);
        file.setWritable(true, true);
        file.setExecutable(false, false);
    }

    /**
     * Reads an Ed25519 private key and its certificate from a PKCS#12 keystore.
     *
     * @param alias the key entry to use; if null, the keystore must hold exactly one key entry
     * @throws IllegalArgumentException if the entry is missing or ambiguous, is not an Ed25519 key,
     *     has no X.509 certificate, or the certificate's public key is not the key's
     * @throws IOException if the file cannot be read, or the password is wrong or the file corrupt
     */
    public static Pkcs12Entry readPkcs12(Path path, char[] password, String alias) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(password, "password");
        KeyStore store;
        try (InputStream in = Files.newInputStream(path)) {
            store = KeyStore.getInstance("PKCS12", BcProvider.get());
            store.load(in, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open PKCS#12 keystore " + path + ": " + e.getMessage(), e);
        }
        try {
            String chosen = alias != null ? alias : singleKeyAlias(store, path);
            if (!store.isKeyEntry(chosen)) {
                throw new IllegalArgumentException("PKCS#12 keystore " + path + " has no key entry \"" + chosen + "\"");
            }
            Key key = store.getKey(chosen, password);
            if (!(key instanceof PrivateKey) || key.getEncoded() == null) {
                throw new IllegalArgumentException("PKCS#12 entry \"" + chosen + "\" is not an exportable private key");
            }
            Ed25519PrivateKeyParameters privateKey = Pem.privateKeyFromDer(key.getEncoded());
            Certificate[] chain = store.getCertificateChain(chosen);
            if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                throw new IllegalArgumentException("PKCS#12 entry \"" + chosen + "\" has no X.509 certificate");
            }
            if (!Arrays.equals(KeyCertificates.rawPublicKey(leaf), Ed25519.rawPublicKey(privateKey))) {
                throw new IllegalArgumentException(
                        "PKCS#12 entry \"" + chosen + "\": certificate public key does not match the private key");
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : chain) {
                if (!(c instanceof X509Certificate x509)) {
                    throw new IllegalArgumentException("PKCS#12 entry \"" + chosen + "\" holds a non-X.509 certificate");
                }
                certificates.add(x509);
            }
            return new Pkcs12Entry(chosen, privateKey, leaf, certificates);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read key from PKCS#12 keystore " + path + ": " + e.getMessage(), e);
        }
    }

    private static String singleKeyAlias(KeyStore store, Path path) throws GeneralSecurityException {
        List<String> keyAliases = new ArrayList<>();
        for (String a : Collections.list(store.aliases())) {
            if (store.isKeyEntry(a)) {
                keyAliases.add(a);
            }
        }
        if (keyAliases.size() != 1) {
            throw new IllegalArgumentException("PKCS#12 keystore " + path + " holds " + keyAliases.size()
                    + " key entries; name the alias to use");
        }
        return keyAliases.get(0);
    }
}

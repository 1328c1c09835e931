package org.szmark.crypto;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyFilesTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;

    private final Ed25519.KeyPair authority = Ed25519.generate(RANDOM);
    private final Ed25519.KeyPair body = Ed25519.generate(RANDOM);
    private final Instant from = Instant.parse("2024-01-01T00:00:00Z");
    private final Instant until = Instant.parse("2030-01-01T00:00:00Z");
    private final X509Certificate authorityCert = KeyCertificates.selfSignedAuthority(authority.privateKey(),
            authority.rawPublicKey(), "Test Root", from, until);
    private final X509Certificate bodyCert = KeyCertificates.bodyKey(authority.privateKey(), authorityCert,
            body.rawPublicKey(), "测试认证机构", "Test Body", "CNCA-R-2020-001", body.keyId(), from, until,
            BigInteger.valueOf(7));

    // ---- PEM files ----

    @Test
    void privateKeyPemFileRoundTripWithOwnerOnlyPermissions() throws IOException {
        Path file = dir.resolve("body.key");
        KeyFiles.writePrivateKeyPem(file, body.privateKey());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(KeyFiles.readPrivateKeyPem(file).getEncoded()).isEqualTo(body.rawPrivateKey());
    }

    @Test
    void publicKeyAndCertificatePemFiles() throws Exception {
        Path pub = dir.resolve("body.pub");
        KeyFiles.writePublicKeyPem(pub, body.rawPublicKey());
        assertThat(Files.getPosixFilePermissions(pub)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(KeyFiles.readPublicKeyPem(pub)).isEqualTo(body.rawPublicKey());

        Path crt = dir.resolve("body.crt");
        KeyFiles.writeCertificatePem(crt, bodyCert);
        assertThat(KeyFiles.readCertificatePem(crt).getEncoded()).isEqualTo(bodyCertEncoded());
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws IOException {
        Path file = dir.resolve("existing.key");
        Files.writeString(file, "keep me");
        assertThatThrownBy(() -> KeyFiles.writePrivateKeyPem(file, body.privateKey()))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("keep me");

        Path written = dir.resolve("written.key");
        KeyFiles.writePrivateKeyPem(written, body.privateKey());
        Ed25519PrivateKeyParameters other = Ed25519.generate(RANDOM).privateKey();
        assertThatThrownBy(() -> KeyFiles.writePrivateKeyPem(written, other))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(KeyFiles.readPrivateKeyPem(written).getEncoded()).isEqualTo(body.rawPrivateKey());
    }

    @Test
    void refusesToWriteThroughADanglingSymlink() throws IOException {
        Path target = dir.resolve("elsewhere.key");
        Path link = Files.createSymbolicLink(dir.resolve("link.key"), target);
        assertThatThrownBy(() -> KeyFiles.writeOwnerOnly(link, new byte[] {1}))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.exists(target)).isFalse();
    }

    @Test
    void ownerOnlyEvenUnderAPermissiveFileMode() throws IOException {
        Path file = dir.resolve("raw.bin");
        KeyFiles.writeOwnerOnly(file, "secret".getBytes(StandardCharsets.US_ASCII));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).isEqualTo("secret");
        assertThatThrownBy(() -> KeyFiles.writeOwnerOnly(dir.resolve("missing-dir/x"), new byte[1]))
                .isInstanceOf(IOException.class);
    }

    // ---- PKCS#12 ----

    private PrivateKey jcaPrivateKey(Ed25519PrivateKeyParameters key) throws Exception {
        return KeyFactory.getInstance("Ed25519", BcProvider.get())
                .generatePrivate(new PKCS8EncodedKeySpec(Pem.privateKeyDer(key)));
    }

    private Path writePkcs12(KeyStore store, String name) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }

    private KeyStore bcStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12", BcProvider.get());
        store.load(null, null);
        return store;
    }

    @Test
    void readsKeyAndCertificateFromBouncyCastlePkcs12() throws Exception {
        KeyStore store = bcStore();
        store.setKeyEntry("body", jcaPrivateKey(body.privateKey()), PASSWORD,
                new Certificate[] {bodyCert, authorityCert});
        Path file = writePkcs12(store, "body.p12");

        for (String alias : new String[] {"body", null}) {
            KeyFiles.Pkcs12Entry entry = KeyFiles.readPkcs12(file, PASSWORD, alias);
            assertThat(entry.alias()).isEqualTo("body");
            assertThat(entry.privateKey().getEncoded()).isEqualTo(body.rawPrivateKey());
            assertThat(entry.certificate().getEncoded()).isEqualTo(bodyCertEncoded());
            assertThat(entry.chain()).hasSize(2);
            assertThat(entry.chain().get(1).getEncoded()).isEqualTo(authorityCert.getEncoded());
            assertThat(entry.keyId()).isEqualTo(body.keyId());
            assertThat(entry.toString()).contains(body.keyId());
            // The loaded key signs envelopes that the certificate's key verifies.
            SignedEnvelope envelope = SignedEnvelope.sign(new byte[] {'{', '}'}, entry.keyId(), entry.privateKey());
            assertThat(envelope.verifies(KeyCertificates.rawPublicKey(entry.certificate()))).isTrue();
        }
    }

    @Test
    void readsPkcs12WrittenByTheJdkKeyStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("jdk", jcaPrivateKey(body.privateKey()), PASSWORD, new Certificate[] {bodyCert});
        Path file = writePkcs12(store, "jdk.p12");
        KeyFiles.Pkcs12Entry entry = KeyFiles.readPkcs12(file, PASSWORD, null);
        assertThat(entry.privateKey().getEncoded()).isEqualTo(body.rawPrivateKey());
        assertThat(entry.certificate().getEncoded()).isEqualTo(bodyCertEncoded());
    }

    @Test
    void pkcs12Errors() throws Exception {
        KeyStore store = bcStore();
        store.setKeyEntry("body", jcaPrivateKey(body.privateKey()), PASSWORD, new Certificate[] {bodyCert});
        store.setKeyEntry("root", jcaPrivateKey(authority.privateKey()), PASSWORD, new Certificate[] {authorityCert});
        Path two = writePkcs12(store, "two.p12");

        assertThatThrownBy(() -> KeyFiles.readPkcs12(two, PASSWORD, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 key entries");
        assertThat(KeyFiles.readPkcs12(two, PASSWORD, "root").privateKey().getEncoded())
                .isEqualTo(authority.rawPrivateKey());
        assertThatThrownBy(() -> KeyFiles.readPkcs12(two, PASSWORD, "nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no key entry \"nope\"");
        assertThatThrownBy(() -> KeyFiles.readPkcs12(two, "wrong".toCharArray(), "body"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> KeyFiles.readPkcs12(dir.resolve("absent.p12"), PASSWORD, null))
                .isInstanceOf(IOException.class);

        // Key stored with a certificate for a different key.
        KeyStore mismatched = bcStore();
        mismatched.setKeyEntry("bad", jcaPrivateKey(authority.privateKey()), PASSWORD, new Certificate[] {bodyCert});
        Path bad = writePkcs12(mismatched, "bad.p12");
        assertThatThrownBy(() -> KeyFiles.readPkcs12(bad, PASSWORD, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
    }

    private byte[] bodyCertEncoded() {
        try {
            return bodyCert.getEncoded();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

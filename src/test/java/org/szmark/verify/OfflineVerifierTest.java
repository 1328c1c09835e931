package org.szmark.verify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.anonymous;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.szmark.crypto.CanonicalJson;
import org.szmark.crypto.Ed25519;
import org.szmark.crypto.SignedEnvelope;
import org.szmark.qr.DecodedToken;
import org.szmark.qr.QrClaims;
import org.szmark.qr.QrToken;
import org.szmark.support.Api;

@QuarkusTest
class OfflineVerifierTest {

    Path dir;
    Path trustList;
    String authorityKey;
    String number;
    String url;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = OfflineVerifier.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createTempDirectory("offline");
        Api.Issuer i = Api.newIssuer();
        number = i.issue();
        url = anonymous().get("/api/v1/certificates/" + number).jsonPath().getString("qrUrl");
        trustList = dir.resolve("trust.json");
        Files.write(trustList, given().get("/trust-list").then().statusCode(200).extract().asByteArray());
        authorityKey = anonymous().get("/trust-list/authority").jsonPath().getString("publicKey");
    }

    private Path label(String text) throws Exception {
        Path f = Files.createTempFile(dir, "label", ".png");
        MatrixToImageWriter.writeToPath(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 300, 300), "png", f);
        return f;
    }

    @Test
    void genuineLabelFromTheRegistry() throws Exception {
        Path png = dir.resolve("label.png");
        Files.write(png, given().get("/api/v1/certificates/" + number + "/qr.png").then().statusCode(200).extract().asByteArray());
        Run r = run("--trust-list", trustList.toString(), "--authority-key", authorityKey, png.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(OfflineVerifier.GENUINE);
        assertThat(r.out()).contains("Verdict: GENUINE").contains(number).contains("signature by the authority verified")
                .contains("not checked offline");
    }

    /**
     * A registry with hundreds of bodies has a trust list far above the 64 KiB limit for records: the
     * registry's own list, grown by 600 more keys and signed by a stand-in authority, still serves.
     */
    @Test
    void aTrustListOfManyBodiesIsRead() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        SignedEnvelope registry = SignedEnvelope.parse(mapper.readTree(Files.readAllBytes(trustList)));
        var payload = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(registry.payload());
        var keys = (com.fasterxml.jackson.databind.node.ArrayNode) payload.get("keys");
        var model = keys.get(0);
        SecureRandom random = new SecureRandom();
        for (int k = 0; k < 600; k++) {
            var other = Ed25519.generate(random);
            var copy = model.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) copy).put("keyId", other.keyId())
                    .put("publicKey", java.util.Base64.getEncoder().encodeToString(other.rawPublicKey()));
            keys.add(copy);
        }
        byte[] grown = CanonicalJson.encode(payload);
        assertThat(grown.length).isGreaterThan(CanonicalJson.MAX_INPUT_BYTES);
        var authority = Ed25519.generate(random);
        Path big = dir.resolve("big-trust.json");
        Files.write(big, mapper.writeValueAsBytes(new SignedEnvelope(grown, Ed25519.sign(authority.privateKey(), grown),
                authority.keyId()).toMap()));
        Path png = dir.resolve("label.png");
        Files.write(png, given().get("/api/v1/certificates/" + number + "/qr.png").then().statusCode(200).extract().asByteArray());

        Run r = run("--trust-list", big.toString(), "--authority-key",
                java.util.Base64.getEncoder().encodeToString(authority.rawPublicKey()), png.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(OfflineVerifier.GENUINE);
        assertThat(r.out()).contains("signature by the authority verified").contains("Verdict: GENUINE");
    }

    /** A file far larger than any trust list is refused before it is read into memory. */
    @Test
    void anOversizedTrustListIsRefused() throws Exception {
        Path huge = dir.resolve("huge-trust.json");
        try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(OfflineVerifier.MAX_TRUST_LIST_BYTES / 3 * 4 + 8192);
        }
        Run r = run("--trust-list", huge.toString(), label(url).toString());
        assertThat(r.exit()).isEqualTo(OfflineVerifier.UNUSABLE);
        assertThat(r.err()).contains("larger than a trust list can be").doesNotContain("Exception");
    }

    @Test
    void tamperedAndForgedLabelsAreNotGenuine() throws Exception {
        String token = url.substring(url.indexOf("/V/") + 3);
        int k = token.length() - 20;
        String tampered = url.substring(0, url.indexOf("/V/") + 3) + token.substring(0, k)
                + (token.charAt(k) == 'A' ? 'B' : 'A') + token.substring(k + 1);
        Run r = run("--trust-list", trustList.toString(), label(tampered).toString());
        assertThat(r.exit()).isEqualTo(OfflineVerifier.NOT_GENUINE);
        assertThat(r.out()).contains("NOT GENUINE").contains("signature does not match");

        DecodedToken d = QrToken.decode(token);
        var rogue = Ed25519.generate(new SecureRandom());
        QrClaims forged = new QrClaims(HexFormat.of().parseHex(rogue.keyId().substring(0, 8)), d.claims().certificateNumber(),
                d.claims().creditCode(), d.claims().standardNumber(), d.claims().expiry());
        String forgedUrl = "HTTPS://VERIFY.EXAMPLE/V/" + QrToken.encode(forged, Ed25519.sign(rogue.privateKey(), QrToken.claimsBytes(forged)));
        Run u = run("--trust-list", trustList.toString(), label(forgedUrl).toString());
        assertThat(u.exit()).isEqualTo(OfflineVerifier.NOT_GENUINE);
        assertThat(u.out()).contains("no approved body holds");

        Run notOurs = run("--trust-list", trustList.toString(), label("https://example.org/product/123").toString());
        assertThat(notOurs.exit()).isEqualTo(OfflineVerifier.NOT_GENUINE);
    }

    @Test
    void unusableInputExitsTwoWithAMessage() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "this is not an image");
        Run r = run("--trust-list", trustList.toString(), text.toString());
        assertThat(r.exit()).isEqualTo(OfflineVerifier.UNUSABLE);
        assertThat(r.err()).contains("Not a readable image").doesNotContain("Exception");

        Path blank = dir.resolve("blank.png");
        var img = new java.awt.image.BufferedImage(100, 100, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(img, "png", blank.toFile());
        assertThat(run("--trust-list", trustList.toString(), blank.toString()).err()).contains("No QR code found");

        assertThat(run("--trust-list", dir.resolve("missing.json").toString(), blank.toString()).exit()).isEqualTo(OfflineVerifier.UNUSABLE);
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"payload\": 1}");
        assertThat(run("--trust-list", garbage.toString(), blank.toString()).exit()).isEqualTo(OfflineVerifier.UNUSABLE);
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 7);
        Run wrongAuthority = run("--trust-list", trustList.toString(), "--authority-key",
                java.util.Base64.getEncoder().encodeToString(other), label(url).toString());
        assertThat(wrongAuthority.exit()).isEqualTo(OfflineVerifier.UNUSABLE);
        assertThat(wrongAuthority.err()).contains("does not verify");
        assertThat(run().exit()).isEqualTo(OfflineVerifier.UNUSABLE);
        assertThat(run("--trust-list").err()).contains("usage");
        List<String> extra = new ArrayList<>(List.of("--trust-list", trustList.toString(), "a.png", "b.png"));
        assertThat(run(extra.toArray(String[]::new)).exit()).isEqualTo(OfflineVerifier.UNUSABLE);
    }
}

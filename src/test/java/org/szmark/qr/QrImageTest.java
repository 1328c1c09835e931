package org.szmark.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static io.restassured.RestAssured.given;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

@QuarkusTest
class QrImageTest {

    static String decodePng(byte[] png) throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    /** The longest inputs the registry accepts: 27-character certificate and standard numbers. */
    static String longestCertificate(Api.Issuer i) {
        String standard = "Q/ABCDEFGHIJKLMNOPQR 1-2020";
        assertThat(standard).hasSize(27);
        authority().body(Map.of("number", standard, "titleZh", "最长编号标准", "issuingOrganisation", "企业",
                        "evaluation", Map.of("catalogueItem", "目录", "passedOn", "2020-06-01")))
                .post("/api/v1/standards").then().statusCode(201);
        Map<String, Object> r = i.request();
        String number = ("LONG-" + i.body() + "-2026-0000000000000000000000").substring(0, 27);
        r.put("number", number);
        r.put("standard", standard);
        return as(i.token()).body(r).post("/api/v1/certificates").then().statusCode(201).extract().path("number");
    }

    @Test
    void pngDecodesToTheLabelUrlAtVersionTenOrLower() throws Exception {
        Api.Issuer i = Api.newIssuer();
        for (String number : new String[] {i.issue(), longestCertificate(i)}) {
            Response info = anonymous().get("/api/v1/certificates/" + number + "/qr");
            info.then().statusCode(200).body("ecc", equalTo("Q"));
            String url = info.jsonPath().getString("url");
            assertThat(url).startsWith("HTTP://LOCALHOST:8080/V/").matches("[0-9A-Z$*+\\-.:/]+");
            assertThat(info.jsonPath().getInt("version")).isLessThanOrEqualTo(10);
            assertThat(info.jsonPath().getInt("modules")).isEqualTo(17 + 4 * info.jsonPath().getInt("version"));
            // with a 24-character public base URL the same token still fits version 10 at Q
            String token = url.substring(url.indexOf("/V/") + 3);
            QRCode longBase = Encoder.encode("HTTPS://VERIFY.SZMARK.CN" + "/V/" + token, ErrorCorrectionLevel.Q);
            assertThat(longBase.getVersion().getVersionNumber()).isLessThanOrEqualTo(10);
            assertThat(anonymous().get("/api/v1/certificates/" + number).jsonPath().getString("qrUrl")).isEqualTo(url);

            byte[] png = given().get("/api/v1/certificates/" + number + "/qr.png").then().statusCode(200)
                    .contentType("image/png").extract().asByteArray();
            assertThat(decodePng(png)).isEqualTo(url);
            decodeWithZbarIfPresent(png, url);
        }
    }

    /** An independent decoder (zbar) must read the same URL, where it is installed. */
    private static void decodeWithZbarIfPresent(byte[] png, String url) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/zbarimg"))) {
            System.out.println("zbarimg not installed (Debian zbar-tools): skipping the independent decode");
            return;
        }
        Path f = Files.createTempFile("label", ".png");
        Files.write(f, png);
        Process p = new ProcessBuilder("/usr/bin/zbarimg", "--quiet", "--raw", f.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes()).trim()).isEqualTo(url);
        Files.delete(f);
    }

    @Test
    void imagesAreCachedWithStrongEtags() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        Response svg = given().get("/api/v1/certificates/" + n + "/qr.svg?scale=4&margin=2");
        svg.then().statusCode(200).contentType(containsString("image/svg+xml"))
                .header("Cache-Control", containsString("immutable"))
                .body(containsString("<svg")).body(containsString("<path"));
        String etag = svg.header("ETag");
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");
        assertThat(given().get("/api/v1/certificates/" + n + "/qr.svg?scale=4&margin=2").header("ETag")).isEqualTo(etag);
        given().header("If-None-Match", etag).get("/api/v1/certificates/" + n + "/qr.svg?scale=4&margin=2")
                .then().statusCode(304);
        assertThat(given().get("/api/v1/certificates/" + n + "/qr.svg?scale=4&margin=3").header("ETag")).isNotEqualTo(etag);
        // a status change does not change the label
        as(i.token()).body(Map.of("reasonCode", "HOLDER_REQUEST")).post("/api/v1/certificates/" + n + "/suspend").then().statusCode(200);
        assertThat(given().get("/api/v1/certificates/" + n + "/qr.svg?scale=4&margin=2").header("ETag")).isEqualTo(etag);
    }

    @Test
    void printableLabel() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        given().get("/api/v1/certificates/" + n + "/label.svg").then().statusCode(200)
                .contentType(containsString("image/svg+xml"))
                .body(containsString("深圳标准")).body(containsString("Shenzhen Standard")).body(containsString(n))
                .header("ETag", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void badImageParameters() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        for (String q : new String[] {"scale=0", "scale=33", "scale=x", "margin=-1", "margin=17", "ecc=X"}) {
            given().get("/api/v1/certificates/" + n + "/qr.png?" + q).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        anonymous().get("/api/v1/certificates/" + n + "/qr?ecc=Z").then().statusCode(400).body("errors.field", hasItem("ecc"));
        given().get("/api/v1/certificates/NOPE-1/qr.svg").then().statusCode(404);
        given().get("/api/v1/certificates/" + n + "/qr.png?ecc=H&scale=2").then().statusCode(200);
    }
}
